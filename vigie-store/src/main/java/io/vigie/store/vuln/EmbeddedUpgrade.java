package io.vigie.store.vuln;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Schema changes of the embedded database that a failure or a killed process cannot leave half
 * done.
 *
 * <p>Why: PostgreSQL runs each migration in a transaction, but H2 commits every DDL statement on
 * its own. A migration that fails, or a process killed during one (V6 rebuilds three tables:
 * create, copy, drop, rename), would leave the schema half changed, with no history row to say so:
 * Flyway then stops at the next open, and the database, with its VEX decisions, is lost to the
 * user. So before Flyway touches an existing file, the file is copied aside; the copy is put back
 * if the migration fails, and at the next open if the process died during it, and it is deleted
 * once the migration has succeeded. A database being created gets a marker instead (there is
 * nothing to keep): a creation that did not finish is deleted and started again.
 *
 * <p>The file is copied while holding the lock H2 itself takes on it (a {@link
 * FileChannel#tryLock()} of the whole file), and replaced or deleted only after taking that lock
 * has shown that no process holds it, so a Vigie process that has the database open is not
 * disturbed: if the lock is taken, nothing is touched and the open goes on to H2, which reports the
 * database in use. (Between that check and the rename a few microseconds pass; an embedded
 * database is opened by one process at a time, and a second one starting in that instant is the
 * one case not covered.)
 *
 * <p>The files, beside {@code vulndb.mv.db}: {@value #BACKUP} (the database as it was before the
 * upgrade under way), {@value #PARTIAL} (that copy while it is written) and {@value #CREATING}.
 */
final class EmbeddedUpgrade {
  static final String DATABASE = "vulndb.mv.db";
  static final String BACKUP = "vulndb.before-upgrade.mv.db";
  static final String PARTIAL = "vulndb.before-upgrade.mv.db.part";
  static final String CREATING = "vulndb.creating";

  private EmbeddedUpgrade() {}

  /**
   * Before the database is opened: undoes what a process killed during an upgrade or a creation
   * left. Two file checks when there is nothing to undo, the case of every open but one.
   *
   * @return true if it put a database back (or removed a half-created one)
   */
  static boolean recover(Path dir) {
    Path backup = dir.resolve(BACKUP);
    Path creating = dir.resolve(CREATING);
    if (!Files.exists(backup) && !Files.exists(creating)) {
      // A copy cut short (the .part file) is left alone here: another process may be writing it
      // under the lock; the next upgrade overwrites it.
      return false;
    }
    Path database = dir.resolve(DATABASE);
    if (!unused(database)) {
      return false; // a process has it open: its upgrade is under way, not interrupted
    }
    try {
      if (Files.exists(backup)) {
        Files.move(backup, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(database);
      }
      Files.deleteIfExists(creating);
      Files.deleteIfExists(dir.resolve(PARTIAL));
      return true;
    } catch (IOException e) {
      throw new InvalidInputException(Problem.at("database", "cannot put back the vulnerability database "
          + database + " as it was before an interrupted upgrade (" + e + "); " + backup
          + " holds it: move it to " + database + " by hand"));
    }
  }

  /**
   * Sets the closed database aside before an upgrade: a copy, written under a temporary name,
   * flushed to the disk, then renamed, so that {@value #BACKUP} only ever names a whole copy.
   *
   * @return false if another process opened the database meanwhile (nothing was done)
   */
  static boolean setAside(Path dir) throws IOException {
    Path database = dir.resolve(DATABASE);
    Path partial = dir.resolve(PARTIAL);
    try (FileChannel in = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(in);
      if (lock == null) {
        return false;
      }
      try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        long size = in.size();
        for (long done = 0; done < size; ) {
          done += in.transferTo(done, size - done, out);
        }
        out.force(true);
      } catch (IOException e) {
        deleteQuietly(partial); // a full disk, most likely: give the space back
        throw e;
      } finally {
        lock.release();
      }
    }
    Files.move(partial, dir.resolve(BACKUP), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /** Marks a database being created, once H2 holds the new file. */
  static void markCreating(Path dir) throws IOException {
    Files.write(dir.resolve(CREATING), new byte[0]);
  }

  /**
   * After a failed upgrade or creation, with the database closed: the file as it was before (none,
   * for a creation).
   */
  static void putBack(Path dir) throws IOException {
    if (!recover(dir)) { // the copy or the marker is there, so false means the file is held
      throw new IOException("the database file is held by another process");
    }
  }

  /** After a successful upgrade or creation: the copy or the marker is no longer needed. */
  static void done(Path dir) {
    deleteQuietly(dir.resolve(BACKUP));
    deleteQuietly(dir.resolve(CREATING));
  }

  /** Whether no process (this one included) holds the lock on {@code file}; true if there is no file. */
  private static boolean unused(Path file) {
    if (!Files.exists(file)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (IOException e) {
      return false; // unreadable: leave it to H2, which says why
    }
  }

  /** The whole file's lock, or null when a process holds it (this one, through H2, included). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is removed at a later open
    }
  }
}
