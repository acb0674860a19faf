package io.vigie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The training run the {@code ./vigie} launcher records its class-data-sharing archive from
 * ({@code -XX:ArchiveClassesAtExit}): a few seconds of every heavy command on tiny inputs in a
 * temporary folder, so the archive holds the classes of {@code scan} (CycloneDX parsing and JSON
 * schema validation, the database, version matching, CVSS), {@code diff} (JGit, YAML, analysis)
 * and {@code analyze}, not only those of {@code rules}. Only classes are kept from it; nothing it
 * writes survives. Not a user command: the launcher runs it with {@code -cp}.
 */
public final class CdsTraining {
  private static final String MODEL = """
      vigie: 1
      device: {name: Training, manufacturer: Vigie, version: 1.0.0, intendedUse: Class-data-sharing training run}
      zones:
        - {id: home, trust: patient-home}
        - {id: hds, trust: certified-hosting, certifiedHealthDataHost: true}
      assets:
        - {id: vitals, category: health, legalBasis: GDPR art. 9(2)(h), consent: CONSENT-1}
      components:
        - {id: app, kind: mobile-app, zone: home, processes: [vitals], code: ["apps/**"], sbom: app.cdx.json}
        - {id: api, kind: api-service, zone: hds, processes: [vitals], code: ["services/api/**"],
           clinicalFunction: raises alerts, harmSeverity: serious}
      flows:
        - {id: upload, from: app, to: api, protocol: https, assets: [vitals], authentication: token, authorization: owner-only, encryption: transport, integrity: transport}
      """;

  private static final String SBOM = """
      {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
       "metadata": {"timestamp": "2026-01-01T00:00:00Z", "component": {"type": "application", "name": "app", "version": "1.0.0"}},
       "components": [
        {"type": "library", "bom-ref": "a", "name": "django", "version": "%s", "purl": "pkg:pypi/django@%s", "licenses": [{"license": {"id": "BSD-3-Clause"}}]},
        {"type": "library", "bom-ref": "b", "group": "org.yaml", "name": "snakeyaml", "version": "1.23", "purl": "pkg:maven/org.yaml/snakeyaml@1.23"},
        {"type": "library", "bom-ref": "c", "name": "semver", "version": "5.7.1", "purl": "pkg:npm/semver@5.7.1"}],
       "dependencies": [{"ref": "a", "dependsOn": ["b"]}]}
      """;

  private static final String OSV = """
      {"schema_version": "1.4.0", "id": "GHSA-0000-0000-0000", "modified": "2026-01-01T00:00:00Z",
       "aliases": ["CVE-2000-0001"], "summary": "training record",
       "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
       "affected": [{"package": {"ecosystem": "PyPI", "name": "django"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.2.19"}]}]},
        {"package": {"ecosystem": "Maven", "name": "org.yaml:snakeyaml"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.26"}]}]},
        {"package": {"ecosystem": "npm", "name": "semver"},
         "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "5.7.2"}]}]}]}
      """;

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("vigie-cds-training");
    try {
      train(dir);
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void train(Path dir) throws Exception {
    Path repo = dir.resolve("repo");
    Path osv = dir.resolve("osv");
    Path db = dir.resolve("db");
    Files.createDirectories(osv);
    Files.writeString(osv.resolve("GHSA-0000-0000-0000.json"), OSV);
    write(repo, "vigie.yaml", MODEL);
    write(repo, "app.cdx.json", SBOM.formatted("3.2", "3.2"));
    write(repo, "services/api/src/Api.java", "class Api { int v = 1; }\n");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commit(git, "base");
      write(repo, "services/api/src/Api.java", "class Api { int v = 2; }\n");
      write(repo, "app.cdx.json", SBOM.formatted("3.2.1", "3.2.1"));
      write(repo, "vigie.yaml", MODEL.replace("encryption: transport", "encryption: none"));
      commit(git, "head");
    }
    String model = repo.resolve("vigie.yaml").toString();
    String sbom = repo.resolve("app.cdx.json").toString();
    run("rules");
    run("validate", model);
    run("analyze", model, "-o", dir.resolve("out").toString(), "-q");
    run("db", "import", "--db", db.toString(), "--osv", osv.toString(), "-q");
    run("scan", "--db", db.toString(), "--sbom", sbom, "--format", "json");
    run("scan", "--db", db.toString(), "--sbom", sbom, "--model", model);
    run("diff", "base", "head", "--repo", repo.toString(), "--format", "json");
    run("diff", "base", "head", "--repo", repo.toString());
  }

  private static void write(Path root, String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static void commit(Git git, String tag) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Vigie", "training@localhost");
    git.commit().setMessage(tag).setAuthor(who).setCommitter(who).call();
    git.tag().setName(tag).call();
  }

  private static void run(String... args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    // -Dvigie.cds.verbose=true shows what the commands print, to check the run still covers them.
    boolean verbose = Boolean.getBoolean("vigie.cds.verbose");
    int code = Main.run(args, verbose ? new PrintWriter(System.out, true) : none, verbose ? new PrintWriter(System.err, true) : none);
    if (code > ExitCodes.GATE_FAILED) {
      // Not fatal: the archive only covers less. Said so the launcher's maintainers notice.
      System.err.println("vigie CDS training: '" + String.join(" ", args) + "' exited with " + code);
    }
  }
}
