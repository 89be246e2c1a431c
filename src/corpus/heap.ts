// V8 lets a heap grow to several times what survived its last collection before collecting
// again; a build's passes make much short-lived garbage, and that headroom was about half of the
// build's peak memory (10 MB of text: 126 MB live, 300 MB of heap). A worker holds one article's
// data at a time (≈ 40 MB live beside jieba) but let its heap grow to 190 MB. Collecting once the
// heap is 30 % over what survived lowers the peak at little cost in time. bin/kg.js sets these
// flags in the build's process; the pool starts its worker processes with them.
export const HEAP_FLAGS = ['--heap-growing-percent=30'];
