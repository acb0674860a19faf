package io.vigie.formats.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cyclonedx.Format;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/**
 * Reads CycloneDX SBOMs, JSON (spec 1.2–1.6) and XML (1.0–1.6), with the official
 * cyclonedx-core-java parsers, after validating the document against the official schema of its
 * declared spec version: a document the schema rejects is refused with every schema error listed
 * (XML: by line and column; JSON: by message only, since cyclonedx-core-java 12.2.0 drops the
 * validator's instance location), because an SBOM submitted to a regulator must conform to its
 * standard.
 *
 * <p>CycloneDX 1.7 and later are refused with a clear message: cyclonedx-core-java 12.2.0 knows
 * neither their schema nor their new fields, so reading them would silently drop data and skip
 * validation. Thread-safe; reuse one instance, which caches the compiled XML schemas.
 */
public final class CycloneDxReader {
  /** The newest CycloneDX version cyclonedx-core-java 12.2.0 can validate and read. */
  public static final String NEWEST_SUPPORTED = "1.6";

  private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
  /** The validator's messages start with the JSON path of the offending value. */
  private static final Pattern LOCATED = Pattern.compile("^([$/][^:\\s]*):?\\s+(.*)$", Pattern.DOTALL);

  private final CycloneDxXmlSchemas xmlSchemas = new CycloneDxXmlSchemas();
  private final java.util.Map<Version, Schema> jsonSchemas = new java.util.concurrent.ConcurrentHashMap<>();

  /** Reads a CycloneDX JSON or XML file. */
  public Sbom read(Path file) {
    return read(Inputs.readBounded(file), file.toString());
  }

  /** Reads CycloneDX JSON or XML from bytes; {@code source} names it in problems and in the result. */
  public Sbom read(byte[] bytes, String source) {
    int first = SbomReader.firstSignificantByte(bytes);
    if (first == '{') {
      return readJson(bytes, source);
    }
    if (first == '<') {
      return readXml(bytes, source);
    }
    throw Inputs.fail(source, "neither JSON nor XML; expected a CycloneDX SBOM");
  }

  private Sbom readJson(byte[] bytes, String source) {
    JsonNode root = Inputs.jsonTree(bytes, source);
    String format = Inputs.text(root, "bomFormat").orElse("");
    if (!root.isObject() || !format.equals("CycloneDX")) {
      throw Inputs.fail(source, "/bomFormat", "expected \"CycloneDX\", found " + (format.isEmpty() ? "nothing" : "\"" + format + "\""));
    }
    String spec = Inputs.text(root, "specVersion")
        .orElseThrow(() -> Inputs.fail(source, "/specVersion", "missing; a CycloneDX document states its spec version"));
    Version version = version(spec, Format.JSON, source, "/specVersion");
    JsonParser parser = new JsonParser();
    // "$schema" is only an editor hint, yet the 1.2 and 1.3 schemas restrict it to one spelling
    // ("bom-1.2a"), so the official examples themselves fail on it; the library validates this tree.
    ((ObjectNode) root).remove("$schema");
    try {
      List<SchemaError> found = validate(parser, root, version);
      List<Problem> errors = found.stream().filter(e -> !e.format()).limit(CycloneDxXmlSchemas.MAX_PROBLEMS)
          .map(e -> schemaProblem(e.message(), spec, source)).toList();
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
      // A value that breaks only its "format" (iri-reference, idn-email, date-time: a reference URL
      // holding an unresolved ${project.url}, a contact's address, a date) changes nothing Vigie
      // matches on, and such documents are common: the cyclonedx-maven-plugin writes the POM's
      // placeholders as they are. Refusing the whole SBOM for them, where Trivy reads it, left a
      // user with nothing (bench/RESULTS.md, the peer comparison); they are read with a warning.
      List<Problem> warnings = new java.util.ArrayList<>(found.stream().filter(SchemaError::format)
          .limit(CycloneDxXmlSchemas.MAX_PROBLEMS).map(e -> schemaProblem(e.message(), spec, source)).toList());
      long more = found.stream().filter(SchemaError::format).count() - warnings.size();
      if (more > 0) {
        warnings.add(Problem.at("", more + " more values of this kind, not listed").located(source, 0, 0));
      }
      // The fields Vigie keeps are read from the validated tree (CycloneDxJsonMapping says why).
      Sbom sbom = CycloneDxJsonMapping.toSbom(root, spec, source);
      return warnings.isEmpty() ? sbom : sbom.withWarnings(warnings);
    } catch (IOException e) {
      throw Inputs.fail(source, "cannot be read as CycloneDX " + spec + " JSON: " + e.getMessage());
    }
  }

  /**
   * What {@code JsonParser.validate(root, version)} answers, without its detour: the library
   * prints the whole tree back to text and parses that again before validating (a third parse of
   * a 10,000-component SBOM, a quarter of the reading time). The schema and the messages are the
   * library's; only a tree holding a number JSON cannot print (an overflowing 1e400 read as
   * infinity) still goes the library's way, which refuses it.
   */
  private List<SchemaError> validate(JsonParser parser, JsonNode root, Version version) throws IOException {
    if (!Finite.all(root)) {
      return parser.validate(root, version).stream().map(e -> new SchemaError(e.getMessage(), false)).toList();
    }
    Schema schema = jsonSchemas.get(version);
    if (schema == null) {
      // Loading a schema (and the ones it references) costs more than validating most SBOMs: once
      // per version and reader. A loaded schema is immutable and thread-safe.
      schema = parser.getJsonSchema(version, new ObjectMapper());
      jsonSchemas.putIfAbsent(version, schema);
    }
    // toString() is "<JSON pointer>: <message>", which schemaProblem splits into field and message.
    return schema.validate(root).stream().map(e -> new SchemaError(e.toString() + found(e.getInstanceNode()),
        "format".equals(e.getKeyword()))).toList();
  }

  /** The value a violation is about, when it is a short text: what the reader has to fix. */
  private static String found(JsonNode value) {
    return value != null && value.isTextual() && value.asText().length() <= 200
        ? " (found \"" + value.asText() + "\")" : "";
  }

  /** A schema violation as the library words it; {@code format}: of the "format" keyword alone. */
  private record SchemaError(String message, boolean format) {}

  /** Whether every floating-point number of a tree is finite, so the tree prints as JSON. */
  private static final class Finite {
    static boolean all(JsonNode node) {
      if (node.isContainerNode()) {
        for (JsonNode child : node) {
          if (!all(child)) {
            return false;
          }
        }
        return true;
      }
      return !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()) || node.isBigDecimal();
    }
  }

  private Sbom readXml(byte[] bytes, String source) {
    String namespace = rootNamespace(bytes, source);
    if (!namespace.startsWith(NAMESPACE)) {
      throw Inputs.fail(source, "an XML document but not CycloneDX: its root element's namespace is '"
          + namespace + "', expected " + NAMESPACE + "<version>");
    }
    String spec = namespace.substring(NAMESPACE.length());
    Version version = version(spec, Format.XML, source, "");
    List<Problem> problems = xmlSchemas.validate(bytes, version, source);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    try {
      return CycloneDxMapping.toSbom(new XmlParser().parse(bytes), spec, source, Optional.empty());
    } catch (ParseException e) {
      throw Inputs.fail(source, "cannot be read as CycloneDX " + spec + " XML: " + e.getMessage());
    }
  }

  private static Version version(String spec, Format format, String source, String field) {
    Version version = null;
    for (Version v : Version.values()) {
      if (v.getVersionString().equals(spec)) {
        version = v;
      }
    }
    if (version == null) {
      if (newerThanSupported(spec)) {
        throw Inputs.fail(source, field, "CycloneDX " + spec + " is not supported yet: the reader (cyclonedx-core-java "
            + "12.2.0) knows CycloneDX up to " + NEWEST_SUPPORTED + ", so it could neither validate the document nor "
            + "read its new fields. Export the SBOM as CycloneDX " + NEWEST_SUPPORTED
            + " (for example `cyclonedx convert --output-version v1_6`)");
      }
      throw Inputs.fail(source, field, "unknown CycloneDX spec version '" + spec + "'; expected 1.0 to " + NEWEST_SUPPORTED);
    }
    if (!version.getFormats().contains(format)) {
      throw Inputs.fail(source, field, "CycloneDX " + spec + " has no " + format + " form; JSON exists from 1.2 on");
    }
    return version;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean newerThanSupported(String spec) {
    Matcher m = Pattern.compile("^1\\.(\\d+)$").matcher(spec);
    return m.matches() && Integer.parseInt(m.group(1)) > 6 || spec.matches("^[2-9]\\.\\d+$");
  }

  private static Problem schemaProblem(String text, String spec, String source) {
    String message = text == null ? "invalid" : text;
    Matcher m = LOCATED.matcher(message);
    String field = "";
    if (m.matches()) {
      field = m.group(1);
      message = m.group(2);
    }
    return Problem.at(field, "does not follow the CycloneDX " + spec + " JSON schema: " + message).located(source, 0, 0);
  }

  /** The namespace of the root element, read with DTDs and external entities off. */
  private static String rootNamespace(byte[] bytes, String source) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          String ns = reader.getNamespaceURI();
          return ns == null ? "" : ns;
        }
      }
      throw Inputs.fail(source, "an XML document with no element; expected a CycloneDX SBOM");
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
      throw new InvalidInputException(new Problem(source, line, column, "", "not well-formed XML: " + e.getMessage(), Optional.empty()));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release beyond the byte array
        }
      }
    }
  }
}
