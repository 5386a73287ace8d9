/**
 * Compares strings by their UTF-8 bytes: SQLite's BINARY collation, which orders every string
 * `orderBy` of ours there. PostgreSQL orders text by the database's collation instead (ICU or
 * glibc en_GB/en_US: case folded, punctuation weighed last or ignored), so a list whose order
 * shows, or decides which entry is "first", is sorted again with this to read the same on both.
 */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
