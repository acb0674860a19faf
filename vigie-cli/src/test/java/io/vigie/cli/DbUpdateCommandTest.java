package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie db update --mirror http://127.0.0.1:PORT/} end to end: a mirror of all of
 * ../shared/data in the documented layout, served with Last-Modified and 304s by a real HTTP
 * server.
 */
class DbUpdateCommandTest {
  static final Path DATA = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
  static final String LAST_MODIFIED = "Sat, 28 Nov 2026 12:00:00 GMT";
  static final List<String> ECOSYSTEMS = List.of("PyPI", "Go", "crates.io", "OSS-Fuzz", "AlmaLinux");
  static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
  static HttpServer server;
  static String base;
  @TempDir static Path db;

  @BeforeAll
  static void mirrorTheSharedData() throws IOException {
    assertThat(DATA).as("real public data in ../shared/data (see its README)").isDirectory();
    for (String eco : ECOSYSTEMS) {
      FILES.put("/osv/" + eco + "/all.zip", Files.readAllBytes(DATA.resolve("osv/" + eco + "-all.zip")));
    }
    FILES.put("/kev/known_exploited_vulnerabilities.json",
        Files.readAllBytes(DATA.resolve("cisa-kev/known_exploited_vulnerabilities.json")));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(Files.readAllBytes(DATA.resolve("epss/epss_scores-2026-09-29-first534rows.csv")));
    }
    FILES.put("/epss/epss_scores-current.csv.gz", gz.toByteArray());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        byte[] body = FILES.get(ex.getRequestURI().getRawPath());
        if (body == null) {
          ex.sendResponseHeaders(404, -1);
        } else if (LAST_MODIFIED.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))
            && !ex.getRequestURI().getRawPath().endsWith(".csv")) { // the csv changes under test
          ex.sendResponseHeaders(304, -1);
        } else {
          ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
        }
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void updatesEverythingThenNothingThenReportsABrokenFeedWithExitCode2() {
    Cli first = Cli.run("db", "update", "--mirror", base, "--db", db.toString(),
        "--feeds", "osv:PyPI,osv:Go,osv:crates.io,osv:OSS-Fuzz,osv:AlmaLinux,kev,epss");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("osv:AlmaLinux", "updated", "5680 records", "kev", "1404 records", "534 records",
        "7 feeds: 7 updated, 0 unchanged, 0 failed");
    assertThat(first.err()).contains("downloaded").doesNotContain("warning"); // loopback http is not warned about

    // Without --feeds: kev, epss and the five OSV ecosystems now in the database, all unchanged.
    Cli second = Cli.run("db", "update", "--mirror", base, "--db", db.toString(), "-q");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("osv:OSS-Fuzz", "unchanged  (HTTP 304)", "7 feeds: 0 updated, 7 unchanged, 0 failed");

    Cli status = Cli.run("db", "status", "--db", db.toString());
    assertThat(status.out()).contains(base + "osv/AlmaLinux/all.zip", "AlmaLinux:9");

    FILES.remove("/kev/known_exploited_vulnerabilities.json");
    Cli broken = Cli.run("db", "update", "--mirror", base, "--db", db.toString(), "-q",
        "--feeds", "osv:Go,kev,epss", "--timeout", "5");
    // KEV is gone from the mirror (404): it fails alone, the others answer 304, the old catalog stays.
    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.err()).contains("error: kev:", "HTTP 404");
    assertThat(broken.out()).contains("1 failed");
    assertThat(Cli.run("db", "status", "--db", db.toString()).out()).contains("known exploited (KEV): 1404");
  }

  @Test
  void anOsvFeedUpdatedBeforeDownloadsOnlyTheRecordsItsModifiedIdCsvListsAsNewer(@TempDir Path own) {
    String csv = "/osv/crates.io/modified_id.csv";
    // RUSTSEC-2016-0001 as all.zip has it (modified 2023-06-13T13:10:24Z): already held, skipped.
    FILES.put(csv, "2023-06-13T13:10:24Z,RUSTSEC-2016-0001\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      Cli first = Cli.run("db", "update", "--mirror", base, "--db", own.toString(), "--feeds", "osv:crates.io");
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).contains("updated", "714 records", base + "osv/crates.io/all.zip");

      FILES.put("/osv/crates.io/RUSTSEC-2030-0001.json", """
          {"id": "RUSTSEC-2030-0001", "modified": "2030-01-04T00:00:00Z", "summary": "A new advisory",
           "affected": [{"package": {"ecosystem": "crates.io", "name": "vigie-test"},
           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}]}]}]}
          """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      FILES.put(csv, ("2030-01-04T00:00:00Z,RUSTSEC-2030-0001\n2023-06-13T13:10:24Z,RUSTSEC-2016-0001\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Cli second = Cli.run("db", "update", "--mirror", base, "--db", own.toString(), "--feeds", "osv:crates.io");
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(second.err()).contains("osv:crates.io: 1 records changed since 2023-06-13T13:10:24Z");
      assertThat(second.out()).contains("updated    1 records", base + "osv/crates.io/modified_id.csv");

      Cli third = Cli.run("db", "update", "--mirror", base, "--db", own.toString(), "--feeds", "osv:crates.io");
      assertThat(third.out()).contains("unchanged  (no record changed)");

      FILES.put(csv, "2030-01-05T00:00:00Z,../../etc/passwd\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Cli hostile = Cli.run("db", "update", "--mirror", base, "--db", own.toString(), "--feeds", "osv:crates.io");
      assertThat(hostile.code()).isEqualTo(2);
      assertThat(hostile.err()).contains("error: osv:crates.io: " + base + "osv/crates.io/modified_id.csv line 1:"
          + " '../../etc/passwd' is not an OSV ID");
    } finally {
      FILES.remove(csv);
      FILES.remove("/osv/crates.io/RUSTSEC-2030-0001.json");
    }
  }

  @Test
  void anUnknownFeedIsAUsageError() {
    Cli r = Cli.run("db", "update", "--db", db.resolve("other").toString(), "--feeds", "nvd");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown feed 'nvd'");
  }
}
