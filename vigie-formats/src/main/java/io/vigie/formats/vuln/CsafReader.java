package io.vigie.formats.vuln;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads CSAF 2.0 advisories (OASIS CSAF 2.0, such as CISA's ICSA and ICSMA advisories): one JSON
 * file, or a folder walked recursively for {@code *.json} files in name order.
 *
 * <p>What is refused: anything whose {@code /document/csaf_version} is not {@code "2.0"}, a
 * document without the fields the CSAF 2.0 schema requires of {@code /document} and its {@code
 * tracking}, a product without {@code product_id} or {@code name}, and a product ID used in
 * {@code product_status}, {@code scores}, {@code remediations} or a product group that the
 * product tree does not define. Every problem names the file and the JSON pointer of the field.
 *
 * <p>As {@link OsvReader} does: a file named on its own is strict (an invalid document throws);
 * in a folder an invalid document is skipped and reported to the warning consumer; JSON that does
 * not parse (truncated, not JSON) throws in both cases, since the batch is then not what it
 * claims to be. Stateless and thread-safe.
 */
public final class CsafReader {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads one CSAF file; the advisory's source and record are the file's name. */
  public CsafAdvisory read(Path file) {
    String name = file.getFileName().toString();
    return parse(readBytes(file), file.toString(), name, name);
  }

  /**
   * Parses one document. {@code location} is what problems name; {@code source} and {@code
   * sourceRecord} go into the advisory.
   *
   * @throws InvalidInputException if the JSON is damaged or the document is not valid CSAF 2.0
   */
  public CsafAdvisory parse(byte[] json, String location, String source, String sourceRecord) {
    return CsafDocumentMapping.toAdvisory(parseJson(json, location), location, source, sourceRecord);
  }

  /**
   * Reads every document under {@code path} (a {@code .json} file or a folder), handing valid ones
   * with their JSON to {@code sink} and, in a folder, invalid ones to {@code skipped}.
   */
  public BulkReadSummary readAll(Path path, Consumer<CsafRecord> sink, Consumer<Problem> skipped) {
    if (Files.isDirectory(path)) {
      return readFolder(path, sink, skipped);
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(
          Problem.at("", "no such CSAF file or folder").located(path.toString(), 0, 0));
    }
    String name = path.getFileName().toString();
    if (!name.endsWith(".json")) {
      throw new InvalidInputException(
          Problem.at("", "not a CSAF 2.0 JSON document (.json) or a folder of them").located(path.toString(), 0, 0));
    }
    JsonNode node = parseJson(readBytes(path), path.toString());
    sink.accept(new CsafRecord(CsafDocumentMapping.toAdvisory(node, path.toString(), name, name), node.toString()));
    return new BulkReadSummary(1, 0);
  }

  private BulkReadSummary readFolder(Path folder, Consumer<CsafRecord> sink, Consumer<Problem> skipped) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String source = folder.getFileName().toString();
    int read = 0;
    int skippedCount = 0;
    for (Path file : files) {
      String entry = folder.relativize(file).toString().replace('\\', '/');
      JsonNode node = parseJson(readBytes(file), file.toString()); // damaged JSON throws
      try {
        sink.accept(new CsafRecord(CsafDocumentMapping.toAdvisory(node, file.toString(), source, entry), node.toString()));
        read++;
      } catch (InvalidInputException e) {
        e.problems().forEach(skipped);
        skippedCount++;
      }
    }
    return new BulkReadSummary(read, skippedCount);
  }

  private static JsonNode parseJson(byte[] json, String location) {
    return JsonDocument.parseObject(JSON, json, location, "CSAF");
  }


  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
