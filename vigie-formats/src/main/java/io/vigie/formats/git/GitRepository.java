package io.vigie.formats.git;

import io.vigie.core.change.ChangeType;
import io.vigie.core.change.FileChange;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reads revisions of a git repository with JGit: files at a revision without a checkout, the
 * files changed between two revisions (renames detected, so a moved file is one change, not a
 * removal and an addition), commit messages in a range, merge bases, and the working tree. Bad
 * revisions and folders that are not repositories are {@link InvalidInputException}s.
 * Not thread-safe; close it after use.
 */
public final class GitRepository implements AutoCloseable {
  /** Above this many added × deleted files, only exact (same content) renames are detected. */
  private static final int RENAME_LIMIT = 1000;

  private final Repository repo;
  private final Path root;

  private GitRepository(Repository repo, Path root) {
    this.repo = repo;
    this.root = root;
  }

  public static GitRepository open(Path dir) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw fail(dir.toString(), "is not inside a git repository; give --repo, or compare two folders");
    }
    try {
      Repository r = builder.build();
      Path top = r.isBare() ? dir.toAbsolutePath() : r.getWorkTree().toPath().toAbsolutePath();
      return new GitRepository(r, top);
    } catch (IOException e) {
      throw fail(dir.toString(), "cannot open the git repository: " + e.getMessage());
    }
  }

  /** The working tree's root folder. */
  public Path root() {
    return root;
  }

  /** A revision as a snapshot; {@code rev} is anything git accepts (branch, tag, SHA, HEAD~2). */
  public Snapshot revision(String rev) {
    RevCommit commit = commit(rev);
    String sha = commit.abbreviate(7).name();
    String label = commit.name().startsWith(rev) ? sha : rev + "@" + sha;
    return new Snapshot() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public Optional<byte[]> read(String path) {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
          if (walk == null) {
            return Optional.empty();
          }
          return Optional.of(repo.open(walk.getObjectId(0)).getBytes(Integer.MAX_VALUE));
        } catch (IOException e) {
          throw fail(rev + ":" + path, "cannot be read from git: " + e.getMessage());
        }
      }
    };
  }

  /** The working tree as it is on disk (what {@code vigie check} compares). */
  public Snapshot workingTree() {
    return new Snapshot() {
      @Override
      public String label() {
        return "working tree";
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
          throw fail(p.toString(), "cannot be read: " + e.getMessage());
        }
      }
    };
  }

  /** The best common ancestor of two revisions, as a SHA. */
  public String mergeBase(String a, String b) {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(resolve(a)));
      walk.markStart(walk.parseCommit(resolve(b)));
      RevCommit base = walk.next();
      if (base == null) {
        throw fail(a + "..." + b, "the two revisions have no common ancestor");
      }
      return base.name();
    } catch (IOException e) {
      throw fail(a + "..." + b, "cannot compute the merge base: " + e.getMessage());
    }
  }

  /** Files changed from {@code base} to {@code head}, renames detected. */
  public List<FileChange> changes(String base, String head) {
    try (ObjectReader reader = repo.newObjectReader()) {
      return diff(tree(reader, base), tree(reader, head));
    } catch (IOException e) {
      throw fail(base + ".." + head, "cannot compare the revisions: " + e.getMessage());
    }
  }

  /** Files changed from {@code base} to the working tree (tracked and untracked, not ignored). */
  public List<FileChange> changesToWorkingTree(String base) {
    try (ObjectReader reader = repo.newObjectReader()) {
      return diff(tree(reader, base), new FileTreeIterator(repo));
    } catch (IOException e) {
      throw fail(base, "cannot compare with the working tree: " + e.getMessage());
    }
  }

  /** Messages of the commits reachable from {@code head} and not from {@code base}, newest first. */
  public List<String> messages(String base, String head) {
    List<String> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(resolve(head)));
      walk.markUninteresting(walk.parseCommit(resolve(base)));
      for (RevCommit c : walk) {
        out.add(c.getFullMessage());
      }
    } catch (IOException e) {
      throw fail(base + ".." + head, "cannot list the commits: " + e.getMessage());
    }
    return out;
  }

  private List<FileChange> diff(AbstractTreeIterator a, AbstractTreeIterator b) throws IOException {
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(a);
      walk.addTree(b);
      walk.setRecursive(true);
      walk.setFilter(TreeFilter.ANY_DIFF);
      if (b instanceof WorkingTreeIterator) {
        walk.setFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(TreeFilter.ANY_DIFF,
            new org.eclipse.jgit.treewalk.filter.NotIgnoredFilter(1)));
      }
      List<DiffEntry> entries = DiffEntry.scan(walk);
      RenameDetector renames = new RenameDetector(repo);
      renames.setRenameLimit(RENAME_LIMIT);
      renames.addAll(entries);
      List<FileChange> out = new ArrayList<>(entries.size());
      for (DiffEntry e : renames.compute()) {
        switch (e.getChangeType()) {
          case ADD: out.add(FileChange.of(e.getNewPath(), ChangeType.ADDED)); break;
          case DELETE: out.add(FileChange.of(e.getOldPath(), ChangeType.REMOVED)); break;
          case RENAME:
            out.add(new FileChange(e.getNewPath(), Optional.of(e.getOldPath()),
                e.getScore() == 100 ? ChangeType.RENAMED : ChangeType.CHANGED));
            break;
          case COPY: out.add(FileChange.of(e.getNewPath(), ChangeType.ADDED)); break;
          default: out.add(FileChange.of(e.getNewPath(), ChangeType.CHANGED)); break;
        }
      }
      out.sort(java.util.Comparator.comparing(FileChange::path));
      return out;
    }
  }

  private AbstractTreeIterator tree(ObjectReader reader, String rev) throws IOException {
    CanonicalTreeParser p = new CanonicalTreeParser();
    p.reset(reader, commit(rev).getTree());
    return p;
  }

  private RevCommit commit(String rev) {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(resolve(rev));
    } catch (IOException e) {
      throw fail(rev, "is not a commit: " + e.getMessage());
    }
  }

  private ObjectId resolve(String rev) {
    try {
      ObjectId id = repo.resolve(rev + "^{commit}");
      if (id == null) {
        throw fail(rev, "unknown revision (not a branch, tag or commit of " + root + ")");
      }
      return id;
    } catch (IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
      throw fail(rev, "is not a valid revision: " + e.getMessage());
    }
  }


  @Override
  public void close() {
    repo.close();
  }

  static InvalidInputException fail(String what, String message) {
    return new InvalidInputException(new Problem(what, 0, 0, "", message, Optional.empty()));
  }


}
