package io.vigie.formats.git;

import io.vigie.core.change.ChangeType;
import io.vigie.core.change.FileChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A folder as one side of a comparison ({@code vigie diff DIR DIR}, for releases unpacked side by
 * side or trees without git). Files are compared by SHA-256; a file that disappears under one
 * path and appears with the same content under another is a rename, as git would say. Hidden
 * folders ({@code .git}, {@code .idea}) and {@code target} are skipped.
 */
public final class FolderSnapshot implements Snapshot {
  private final Path root;

  public FolderSnapshot(Path root) {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw GitRepository.fail(root.toString(), "is not a folder");
    }
  }

  @Override
  public String label() {
    return root.toString();
  }

  @Override
  public Optional<byte[]> read(String path) {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root) || !Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(p));
    } catch (IOException e) {
      throw GitRepository.fail(p.toString(), "cannot be read: " + e.getMessage());
    }
  }

  /** Files that differ from {@code base} to {@code head}, sorted by path. */
  public static List<FileChange> changes(FolderSnapshot base, FolderSnapshot head) {
    Map<String, String> before = base.hashes();
    Map<String, String> after = head.hashes();
    List<String> removed = new ArrayList<>();
    List<FileChange> out = new ArrayList<>();
    for (Map.Entry<String, String> e : before.entrySet()) {
      String now = after.get(e.getKey());
      if (now == null) {
        removed.add(e.getKey());
      } else if (!now.equals(e.getValue())) {
        out.add(FileChange.of(e.getKey(), ChangeType.CHANGED));
      }
    }
    Map<String, List<String>> removedByHash = new HashMap<>();
    removed.forEach(r -> removedByHash.computeIfAbsent(before.get(r), k -> new ArrayList<>()).add(r));
    for (Map.Entry<String, String> e : after.entrySet()) {
      if (before.containsKey(e.getKey())) {
        continue;
      }
      List<String> same = removedByHash.get(e.getValue());
      if (same != null && !same.isEmpty()) {
        String old = same.remove(0);
        removed.remove(old);
        out.add(new FileChange(e.getKey(), Optional.of(old), ChangeType.RENAMED));
      } else {
        out.add(FileChange.of(e.getKey(), ChangeType.ADDED));
      }
    }
    removed.forEach(r -> out.add(FileChange.of(r, ChangeType.REMOVED)));
    out.sort(java.util.Comparator.comparing(FileChange::path));
    return out;
  }

  private Map<String, String> hashes() {
    Map<String, String> out = new TreeMap<>();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skip = !dir.equals(root) && (name.startsWith(".") || name.equals("target"));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile()) {
            out.put(root.relativize(file).toString().replace('\\', '/'),
                HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw GitRepository.fail(root.toString(), "cannot be read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    return out;
  }
}
