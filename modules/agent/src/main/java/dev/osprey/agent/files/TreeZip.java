package dev.osprey.agent.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** An agent tree as a zip archive, its files under {@code trading_agents/{slug}/}. */
final class TreeZip {
  /**
   * Every entry's time. A fixed time makes the same tree give the same bytes, so an export can be
   * compared or checksummed; the files' real times are in their contents.
   */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private TreeZip() {}

  /** Writes the archive; {@code out} stays open. */
  static void write(final AgentTree tree, final OutputStream out) throws IOException {
    final String prefix = CtaPaths.AGENTS_FOLDER + "/" + tree.slug() + "/";
    final ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> f : tree.files().entrySet()) {
      final ZipEntry entry = new ZipEntry(prefix + f.getKey());
      entry.setTimeLocal(ENTRY_TIME);
      zip.putNextEntry(entry);
      zip.write(f.getValue());
      zip.closeEntry();
    }
    zip.finish();
  }

  /**
   * Every file of an archive by its name, at most {@link AgentTree#MAX_BYTES} in all: an archive
   * is user input, and a small one can unpack to more than the heap holds.
   */
  static Map<String, byte[]> read(final InputStream in) throws IOException {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
    long total = 0;
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      if (e.isDirectory()) {
        continue;
      }
      final byte[] bytes = zip.readNBytes((int) (AgentTree.MAX_BYTES - total + 1));
      total += bytes.length;
      if (total > AgentTree.MAX_BYTES) {
        throw new AgentFileException(e.getName(), 0,
            "the archive unpacks to more than " + AgentTree.MAX_BYTES + " bytes");
      }
      if (files.put(e.getName(), bytes) != null) {
        throw new AgentFileException(e.getName(), 0, "is in the archive twice");
      }
    }
    return files;
  }
}
