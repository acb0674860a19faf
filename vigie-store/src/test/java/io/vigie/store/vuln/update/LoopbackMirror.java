package io.vigie.store.vuln.update;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A feed mirror on 127.0.0.1 serving ../shared/data under the documented mirror layout, with ETag
 * and Last-Modified and 304 answers as a real server gives, and per-path misbehaviour (a status, a
 * pause, a redirect, other bytes) to break the updater with. Records every request's conditional
 * headers.
 */
final class LoopbackMirror implements AutoCloseable {

  /** One request as the server saw it. */
  record Seen(String path, String ifNoneMatch, String ifModifiedSince, int status) {}

  /** What to do instead of serving a path normally. */
  sealed interface Trick {}

  record Status(int code) implements Trick {}

  record Pause(long millis) implements Trick {}

  /** Sends the headers and {@code bytesFirst} bytes, then stalls. */
  record Stall(int bytesFirst, long millis) implements Trick {}

  record Redirect(String location) implements Trick {}

  record Serve(byte[] body, String contentType) implements Trick {}

  static final String LAST_MODIFIED = "Sat, 28 Nov 2026 12:00:00 GMT";

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Trick> tricks = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  LoopbackMirror(Path data) {
    try {
      for (String eco : List.of("PyPI", "Go", "crates.io", "OSS-Fuzz", "AlmaLinux")) {
        files.put("/osv/" + eco + "/all.zip", Files.readAllBytes(data.resolve("osv/" + eco + "-all.zip")));
      }
      files.put("/kev/known_exploited_vulnerabilities.json",
          Files.readAllBytes(data.resolve("cisa-kev/known_exploited_vulnerabilities.json")));
      files.put("/epss/epss_scores-current.csv.gz",
          gzip(Files.readAllBytes(data.resolve("epss/epss_scores-2026-09-29-first534rows.csv"))));
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  void trick(String path, Trick trick) {
    tricks.put(path, trick);
  }

  void clearTricks() {
    tricks.clear();
  }

  byte[] file(String path) {
    return files.get(path);
  }

  private static final java.util.regex.Pattern MODIFIED =
      java.util.regex.Pattern.compile("\"modified\"\\s*:\\s*\"([^\"]+)\"");
  private final Map<String, Map<String, java.time.Instant>> modifiedByEcosystem = new ConcurrentHashMap<>();

  /**
   * Serves {@code /osv/<eco>/<ID>.json} for every record of the ecosystem's all.zip and a
   * {@code /osv/<eco>/modified_id.csv} built from their {@code modified} fields, newest first, as
   * the OSV bucket does.
   */
  void publishRecords(String eco) {
    Map<String, java.time.Instant> modified = new ConcurrentHashMap<>();
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(files.get("/osv/" + eco + "/all.zip")))) {
      for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (!e.getName().endsWith(".json")) {
          continue;
        }
        String id = e.getName().substring(0, e.getName().length() - 5);
        byte[] json = zip.readAllBytes();
        files.put("/osv/" + eco + "/" + id + ".json", json);
        modified.put(id, modifiedOf(json));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    modifiedByEcosystem.put(eco, modified);
    rebuildCsv(eco);
  }

  /** Replaces (or adds) one record and lists it in modified_id.csv with its {@code modified}. */
  void putRecord(String eco, String id, String json) {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    files.put("/osv/" + eco + "/" + id + ".json", bytes);
    modifiedByEcosystem.get(eco).put(id, modifiedOf(bytes));
    rebuildCsv(eco);
  }

  String record(String eco, String id) {
    return new String(files.get("/osv/" + eco + "/" + id + ".json"), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The IDs the csv lists, newest first. */
  List<String> listedIds(String eco) {
    return modifiedByEcosystem.get(eco).entrySet().stream()
        .sorted(Map.Entry.<String, java.time.Instant>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
  }

  private void rebuildCsv(String eco) {
    StringBuilder csv = new StringBuilder();
    modifiedByEcosystem.get(eco).entrySet().stream()
        .sorted(Map.Entry.<String, java.time.Instant>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> csv.append(e.getValue()).append(',').append(e.getKey()).append('\n'));
    files.put("/osv/" + eco + "/modified_id.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static java.time.Instant modifiedOf(byte[] json) {
    java.util.regex.Matcher m = MODIFIED.matcher(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IllegalStateException("no modified field in a test record");
    }
    return java.time.OffsetDateTime.parse(m.group(1)).toInstant();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    Headers in = ex.getRequestHeaders();
    try (ex) {
      Trick trick = tricks.get(path);
      byte[] body = files.get(path);
      String type = "application/octet-stream";
      if (trick instanceof Status s) {
        record(path, in, s.code());
        ex.sendResponseHeaders(s.code(), -1);
        return;
      }
      if (trick instanceof Redirect r) {
        record(path, in, 302);
        ex.getResponseHeaders().add("Location", r.location());
        ex.sendResponseHeaders(302, -1);
        return;
      }
      if (trick instanceof Pause p) {
        sleep(p.millis());
      }
      if (trick instanceof Serve s) {
        body = s.body();
        type = s.contentType();
      }
      if (body == null) {
        record(path, in, 404);
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8) + "\"";
      if (etag.equals(in.getFirst("If-None-Match"))) {
        record(path, in, 304);
        ex.sendResponseHeaders(304, -1);
        return;
      }
      record(path, in, 200);
      ex.getResponseHeaders().add("ETag", etag);
      ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
      ex.getResponseHeaders().add("Content-Type", type);
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      if (trick instanceof Stall s) {
        out.write(body, 0, s.bytesFirst());
        out.flush();
        sleep(s.millis());
        return;
      }
      out.write(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      // the client went away (a timeout or a size limit under test)
    }
  }

  private void record(String path, Headers in, int status) {
    seen.add(new Seen(path, in.getFirst("If-None-Match"), in.getFirst("If-Modified-Since"), status));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  static Path data() {
    String root = System.getProperty("vigie.repo.root");
    if (root == null) {
      fail("system property vigie.repo.root is not set: run the tests through Maven");
    }
    Path data = Path.of(root).resolve("../shared/data").normalize();
    if (!Files.isDirectory(data.resolve("osv"))) {
      fail("the shared test data is missing: expected " + data + "/osv (see shared/data/README.md)");
    }
    return data;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
