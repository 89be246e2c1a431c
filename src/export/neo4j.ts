// Neo4j: CSV files for `neo4j-admin database import full` (typed headers with :ID, :LABEL,
// :START_ID, :END_ID, :TYPE) and an import.cypher of LOAD CSV … MERGE statements that load the
// same files into a running database.
import type { DirectedGraph } from 'graphology';
import { csvTable, type Cell } from './csv.js';
import { edgeRows, nodeRows } from './rows.js';

/** Every node carries this label besides its type's, so one uniqueness constraint covers all ids. */
export const ENTITY_LABEL = 'Entity';
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
export const RELATIONSHIP_HEADER = [':START_ID', ':END_ID', ':TYPE', 'relation', 'weight:double', 'derived:boolean', 'evidence', 'evidenceDoc'];

/** nodes.csv, relationships.csv and import.cypher. */
export function toNeo4j(graph: DirectedGraph): Record<'nodes.csv' | 'relationships.csv' | 'import.cypher', string> {
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
    oneLine(e.evidence),
    e.evidenceDoc,
  ]);
  const labels = [...new Set(nodes.map((n) => neo4jLabel(n.entityType)))].sort();
  const types = [...new Set(edges.map((e) => neo4jRelationType(e.relation)))].sort();
  return {
    'nodes.csv': csvTable(NODE_HEADER, nodeRecords, '\n'),
    'relationships.csv': csvTable(RELATIONSHIP_HEADER, edgeRecords, '\n'),
    'import.cypher': cypherScript(labels, types),
  };
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
    r.evidence = row.evidence, r.evidenceDoc = row.evidenceDoc;`;
  return [
    '// kg graph for Neo4j, for LOAD CSV users.',
    "// Copy nodes.csv and relationships.csv into the database's import folder, then:",
    '//   cypher-shell -f import.cypher',
    '// For a new database, neo4j-admin is faster:',
    '//   neo4j-admin database import full --nodes=import/nodes.csv --relationships=import/relationships.csv neo4j',
    '',
    `CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;`,
    '',
    [...labels.map(node), ...types.map(rel)].join('\n\n'),
    '',
  ].join('\n');
}
