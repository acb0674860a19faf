package io.vigie.cli;

import io.vigie.store.DatabaseLocation;
import io.vigie.store.vuln.DatabaseStatus;
import io.vigie.store.vuln.ImportListener;
import io.vigie.store.vuln.ImportRecord;
import io.vigie.store.vuln.ImportResult;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie db}: the embedded vulnerability database. */
@Command(name = "db", description = "The vulnerability database (OSV, NVD, CISA KEV, EPSS, CSAF): a data folder or PostgreSQL.",
    subcommands = {DbCommand.Import.class, DbCommand.Status.class, DbUpdateCommand.class})
final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "import",
      description = {"Import vulnerability data from files.",
          "Re-importing is idempotent; a failed import leaves the database as it was; invalid records are skipped and listed."},
      footer = {"", "Examples:", "  vigie db import --osv osv/Go-all.zip osv/PyPI-all.zip --kev known_exploited_vulnerabilities.json",
          "  vigie db import --epss epss_scores-2026-11-28.csv.gz",
          "  vigie db import --csaf csaf_files/OT/white/2024 icsma-24-030-01.json",
          "  vigie db import --nvd nvdcve-2.0-2024.json.gz nvdcve-2.0-2025.json.gz"})
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VulnDb db;

    @Option(names = "--osv", arity = "1..*", paramLabel = "PATH",
        description = "OSV records: JSON files, folders of them, or an ecosystem's all.zip.")
    List<Path> osv = List.of();

    @Option(names = "--nvd", arity = "1..*", paramLabel = "PATH",
        description = "NVD CVE API 2.0 JSON: API pages or yearly feeds (nvdcve-2.0-YYYY.json, .json.gz), for --cpe matching.")
    List<Path> nvd = List.of();

    @Option(names = "--kev", paramLabel = "FILE", description = "The CISA Known Exploited Vulnerabilities catalog (JSON).")
    Path kev;

    @Option(names = "--epss", paramLabel = "FILE", description = "EPSS scores (CSV, gzipped or not).")
    Path epss;

    @Option(names = "--csaf", arity = "1..*", paramLabel = "PATH",
        description = "CSAF 2.0 advisories (such as CISA's ICSMA): JSON files or folders of them.")
    List<Path> csaf = List.of();

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
      if (osv.isEmpty() && nvd.isEmpty() && kev == null && epss == null && csaf.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give at least one of --osv, --nvd, --kev, --epss, --csaf");
      }
      PrintWriter err = spec.commandLine().getErr();
      ImportListener listener = new ImportListener() {
        @Override
        public void progress(String message) {
          if (!quiet) {
            err.println("  " + message);
            err.flush();
          }
        }

        @Override
        public void skipped(io.vigie.core.validation.Problem problem) {
          err.println("warning: skipped " + problem);
        }
      };
      try (VulnerabilityDatabase database = VulnerabilityDatabase.open(db.location())) {
        if (!osv.isEmpty()) {
          report(database.importOsv(listener, osv.toArray(Path[]::new)));
        }
        if (!nvd.isEmpty()) {
          report(database.importNvd(listener, nvd.toArray(Path[]::new)));
        }
        if (kev != null) {
          report(database.importKev(kev, listener));
        }
        if (epss != null) {
          report(database.importEpss(epss, listener));
        }
        if (!csaf.isEmpty()) {
          report(database.importCsaf(listener, csaf.toArray(Path[]::new)));
        }
        Compacting.closeCompacted(database, db.location(), quiet, spec.commandLine().getErr());
      }
      return ExitCodes.OK;
    }

    private void report(ImportResult r) {
      PrintWriter out = spec.commandLine().getOut();
      for (ImportRecord i : r.imports()) {
        out.printf("imported %s from %s: %d records, %d skipped (%d ms)%n", i.source(), i.origin(), i.records(), i.skipped(),
            java.time.Duration.between(i.started(), i.finished()).toMillis());
      }
    }
  }

  @Command(name = "status", description = "What the vulnerability database holds, from where and when.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VulnDb db;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DatabaseLocation location = db.location();
      try (VulnerabilityDatabase database = VulnerabilityDatabase.open(location)) {
        DatabaseStatus s = database.status();
        out.printf("database: %s%n", location.display());
        out.printf("advisories: %d (%d withdrawn)%n", s.advisories(), s.withdrawn());
        new TreeMap<>(s.advisoriesBySource()).forEach((k, v) -> out.printf("  %-28s %8d%n", k, v));
        out.println("affected packages by ecosystem:");
        new TreeMap<>(s.affectedPackagesByEcosystem()).forEach((k, v) -> out.printf("  %-28s %8d%n", k, v));
        out.printf("known exploited (KEV): %d%nEPSS scores: %d%n", s.kevEntries(), s.epssScores());
        out.printf("CSAF advisories: %d (%d vulnerabilities)%n", s.csafDocuments(), s.csafVulnerabilities());
        io.vigie.store.vuln.NvdStatus nvdStatus = database.nvdStatus();
        out.printf("NVD CVE records: %d (%d rejected), CPE criteria: %d (%d vulnerable)%n", nvdStatus.records(),
            nvdStatus.rejected(), nvdStatus.criteria(), nvdStatus.vulnerableCriteria());
        out.println("latest imports:");
        for (ImportRecord i : s.latestImports()) {
          out.printf("  %s  %-12s %s (%d records, %d skipped)%n", i.finished(), i.source(), i.origin(), i.records(), i.skipped());
        }
        if (s.latestImports().isEmpty()) {
          out.println("  none: run `vigie db import`");
        }
      }
      return ExitCodes.OK;
    }
  }

}
