// Neo4j: CSV files for `neo4j-admin database import full` (typed headers with :ID, :LABEL,
// :START_ID, :END_ID, :TYPE) and an import.cypher of LOAD CSV … MERGE statements that load the
// same files into a running database. The articles come along as (:Document) nodes with
// [:MENTIONS] relationships to the entities they mention, and every relation carries all its
// evidence sentences with their documents.
import type { DirectedGraph } from 'graphology';
import { documentsOf } from '../graph/read.js';
import { csvTable, type Cell } from './csv.js';
import { edgeRows, nodeRows } from './rows.js';

/** The neo4j-admin command that imports the files of a folder into a new database. */
export const NEO4J_ADMIN_IMPORT = (folder: string): string =>
  `neo4j-admin database import full --nodes=${folder}/nodes.csv --nodes=${folder}/documents.csv --relationships=${folder}/relationships.csv --relationships=${folder}/mentions.csv`;

/** Every node carries this label besides its type's, so one uniqueness constraint covers all ids. */
export const ENTITY_LABEL = 'Entity';
/** The label of an article's node. */
export const DOCUMENT_LABEL = 'Document';
/** Document ids share neo4j-admin's one id space with entity keys (`company:…`): this prefix keeps them apart. */
export const DOCUMENT_ID_PREFIX = 'doc:';
/** neo4j-admin's default array delimiter. */
const ARRAY_DELIMITER = ';';

/** `industrial-park` → `IndustrialPark` */
export function neo4jLabel(entityType: string): string {
  return entityType
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `belongs-to-cluster` → `BELONGS_TO_CLUSTER` */
export function neo4jRelationType(relation: string): string {
  return relation
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toUpperCase();
}

export const NODE_HEADER = ['id:ID', 'name', 'entityType', 'aliases:string[]', 'mentions:int', 'x:double', 'y:double', 'size:double', 'color', ':LABEL'];
export const RELATIONSHIP_HEADER = [
  ':START_ID', ':END_ID', ':TYPE', 'relation', 'weight:double', 'derived:boolean', 'evidence', 'evidenceDoc', 'sentences:string[]', 'documents:string[]',
];
export const DOCUMENT_HEADER = ['id:ID', 'doc', 'path', 'title', 'date', 'chars:int', ':LABEL'];
export const MENTIONS_HEADER = [':START_ID', ':END_ID', ':TYPE', 'count:int'];

type Neo4jFiles = Record<'nodes.csv' | 'relationships.csv' | 'documents.csv' | 'mentions.csv' | 'import.cypher', string>;

/** nodes.csv, relationships.csv, documents.csv, mentions.csv and import.cypher. */
export function toNeo4j(graph: DirectedGraph): Neo4jFiles {
  const nodes = nodeRows(graph);
  const edges = edgeRows(graph);
  const nodeRecords: Cell[][] = nodes.map((n) => [
    n.key,
    oneLine(n.label),
    n.entityType,
    n.aliases.map((a) => oneLine(a).replaceAll(ARRAY_DELIMITER, '；')).join(ARRAY_DELIMITER),
    n.mentions,
    n.x,
    n.y,
    n.size,
    n.color,
    `${ENTITY_LABEL};${neo4jLabel(n.entityType)}`,
  ]);
  const edgeRecords: Cell[][] = edges.map((e) => [
    e.source,
    e.target,
    neo4jRelationType(e.relation),
    e.relation,
    e.weight,
    e.derived,
    oneLine(e.sentences[0] ?? ''),
    e.documents[0] ?? '',
    e.sentences.map((s) => arrayItem(s)).join(ARRAY_DELIMITER),
    e.documents.map((d) => arrayItem(d)).join(ARRAY_DELIMITER),
  ]);
  const documents = documentsOf(graph);
  const documentRecords: Cell[][] = documents.map((d) => [
    DOCUMENT_ID_PREFIX + d.id,
    d.id,
    d.path,
    oneLine(d.title),
    d.date ?? '',
    d.chars,
    DOCUMENT_LABEL,
  ]);
  // (:Document)-[:MENTIONS {count}]->(:Entity), for the documents in the graph
  const known = new Set(documents.map((d) => d.id));
  const mentionRecords: Cell[][] = [];
  for (const n of nodes) {
    for (const [doc, count] of n.mentionsByDoc) if (known.has(doc)) mentionRecords.push([DOCUMENT_ID_PREFIX + doc, n.key, 'MENTIONS', count]);
  }
  const labels = [...new Set(nodes.map((n) => neo4jLabel(n.entityType)))].sort();
  const types = [...new Set(edges.map((e) => neo4jRelationType(e.relation)))].sort();
  return {
    'nodes.csv': csvTable(NODE_HEADER, nodeRecords, '\n'),
    'relationships.csv': csvTable(RELATIONSHIP_HEADER, edgeRecords, '\n'),
    'documents.csv': csvTable(DOCUMENT_HEADER, documentRecords, '\n'),
    'mentions.csv': csvTable(MENTIONS_HEADER, mentionRecords, '\n'),
    'import.cypher': cypherScript(labels, types),
  };
}

/** An item of an array column: one line, and the delimiter kept out (a full-width ； in its place). */
function arrayItem(s: string): string {
  return oneLine(s.trim()).replaceAll(ARRAY_DELIMITER, '；');
}

/** neo4j-admin reads one record per line unless told otherwise: line breaks inside text become spaces. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

function cypherScript(labels: string[], types: string[]): string {
  const node = (label: string) => `LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.\`:LABEL\` = '${ENTITY_LABEL};${label}'
MERGE (n:${ENTITY_LABEL} {id: row.\`id:ID\`})
SET n:${label}, n.name = row.name, n.entityType = row.entityType,
    n.aliases = CASE WHEN row.\`aliases:string[]\` IS NULL THEN [] ELSE split(row.\`aliases:string[]\`, '${ARRAY_DELIMITER}') END,
    n.mentions = toInteger(row.\`mentions:int\`), n.x = toFloat(row.\`x:double\`), n.y = toFloat(row.\`y:double\`),
    n.size = toFloat(row.\`size:double\`), n.color = row.color;`;
  const rel = (type: string) => `LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.\`:TYPE\` = '${type}'
MATCH (a:${ENTITY_LABEL} {id: row.\`:START_ID\`}), (b:${ENTITY_LABEL} {id: row.\`:END_ID\`})
MERGE (a)-[r:${type}]->(b)
SET r.relation = row.relation, r.weight = toFloat(row.\`weight:double\`), r.derived = row.\`derived:boolean\` = 'true',
    r.evidence = row.evidence, r.evidenceDoc = row.evidenceDoc,
    r.sentences = CASE WHEN row.\`sentences:string[]\` IS NULL THEN [] ELSE split(row.\`sentences:string[]\`, '${ARRAY_DELIMITER}') END,
    r.documents = CASE WHEN row.\`documents:string[]\` IS NULL THEN [] ELSE split(row.\`documents:string[]\`, '${ARRAY_DELIMITER}') END;`;
  const documents = `LOAD CSV WITH HEADERS FROM 'file:///documents.csv' AS row
MERGE (d:${DOCUMENT_LABEL} {id: row.\`id:ID\`})
SET d.doc = row.doc, d.path = row.path, d.title = row.title, d.date = row.date, d.chars = toInteger(row.\`chars:int\`);`;
  const mentions = `LOAD CSV WITH HEADERS FROM 'file:///mentions.csv' AS row
MATCH (d:${DOCUMENT_LABEL} {id: row.\`:START_ID\`}), (e:${ENTITY_LABEL} {id: row.\`:END_ID\`})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = toInteger(row.\`count:int\`);`;
  return [
    '// kg graph for Neo4j, for LOAD CSV users.',
    "// Copy the four .csv files into the database's import folder, then:",
    '//   cypher-shell -f import.cypher',
    '// For a new database, neo4j-admin is faster:',
    `//   ${NEO4J_ADMIN_IMPORT('import')} neo4j`,
    '',
    `CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;`,
    `CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE;`,
    '',
    [...labels.map(node), ...types.map(rel), documents, mentions].join('\n\n'),
    '',
  ].join('\n');
}
