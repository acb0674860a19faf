package io.vigie.formats.sbom;

import io.vigie.core.validation.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.XmlParser;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates CycloneDX XML against the XSDs bundled in cyclonedx-core-java, compiled once per reader
 * and giving every error with its line and column (the library's own {@code validate} recompiles
 * the schema on every call and drops positions).
 *
 * <p>The 1.5 and 1.6 XSDs bundled in cyclonedx-core-java 12.2.0 predate two fixes the specification
 * made to {@code modelCard} (XSD 1.6.2): {@code considerations} lists ({@code user}, {@code useCase},
 * {@code technicalLimitation}, {@code performanceTradeoff}) allow many entries, and a model card may
 * carry {@code properties}. Without those fixes the spec's own {@code valid-machine-learning}
 * examples are rejected, so they are applied here to the bundled text before compiling.
 */
final class CycloneDxXmlSchemas {
  /** Enough to act on; a broken document can otherwise produce thousands. */
  static final int MAX_PROBLEMS = 50;

  private static final Pattern SINGLE_CONSIDERATION = Pattern.compile(
      "(<xs:element name=\"(?:user|useCase|technicalLimitation|performanceTradeoff)\" type=\"xs:string\" minOccurs=\"0\") maxOccurs=\"1\"");
  private static final Pattern MODEL_CARD_END = Pattern.compile("</xs:sequence>(\\s*<xs:attribute name=\"bom-ref\")");

  private final Map<Version, Schema> compiled = new EnumMap<>(Version.class);

  synchronized Schema schema(Version version) {
    return compiled.computeIfAbsent(version, CycloneDxXmlSchemas::compile);
  }

  /** Every schema error in {@code bytes}, located; empty when the document is valid. */
  List<Problem> validate(byte[] bytes, Version version, String source) {
    List<Problem> problems = new ArrayList<>();
    Validator validator = schema(version).newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          problems.add(located(e, source, "does not follow the CycloneDX " + version.getVersionString() + " XML schema: "));
          if (problems.size() >= MAX_PROBLEMS) {
            throw e;
          }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          problems.add(located(e, source, "not well-formed XML: "));
          throw e;
        }
      });
      validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
    } catch (SAXParseException e) {
      // already recorded by the handler
    } catch (SAXException | IOException e) {
      problems.add(Problem.at("", "not valid XML: " + e.getMessage()).located(source, 0, 0));
    }
    return problems;
  }

  static Problem located(SAXParseException e, String source, String prefix) {
    return new Problem(source, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), "",
        prefix + e.getMessage(), Optional.empty());
  }

  private static Schema compile(Version version) {
    String xsd = corrected(resource("/bom-" + version.getVersionString() + ".xsd"));
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    // The only import is the SPDX licence list, bundled beside the CycloneDX XSDs: never fetched.
    factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
      if ("http://cyclonedx.org/schema/spdx".equals(namespace)) {
        return new StringInput(resource("/spdx.xsd"));
      }
      return null;
    });
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory.newSchema(new StreamSource(new StringReader(xsd)));
    } catch (SAXException e) {
      throw new IllegalStateException("the bundled CycloneDX " + version.getVersionString() + " XSD does not compile", e);
    }
  }

  /** Applies the specification's later modelCard fixes (see the class comment); other text is unchanged. */
  static String corrected(String xsd) {
    String out = SINGLE_CONSIDERATION.matcher(xsd).replaceAll("$1 maxOccurs=\"unbounded\"");
    int considerations = out.indexOf("<xs:element name=\"considerations\"");
    Matcher end = MODEL_CARD_END.matcher(out);
    if (considerations < 0 || !end.find(considerations)) {
      return out; // no model card: before 1.5
    }
    int properties = out.indexOf("type=\"bom:propertiesType\"", considerations);
    if (properties >= 0 && properties < end.start()) {
      return out; // already allowed: a newer bundled XSD
    }
    return out.substring(0, end.start())
        + "<xs:element name=\"properties\" type=\"bom:propertiesType\" minOccurs=\"0\" maxOccurs=\"1\"/>\n        "
        + out.substring(end.start());
  }

  private static String resource(String name) {
    try (InputStream in = XmlParser.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("cyclonedx-core-java lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + " from cyclonedx-core-java", e);
    }
  }

  /** The minimal LSInput a schema resolver must return. */
  private static final class StringInput implements LSInput {
    private final String text;

    StringInput(String text) {
      this.text = text;
    }

    @Override public java.io.Reader getCharacterStream() { return new StringReader(text); }
    @Override public void setCharacterStream(java.io.Reader r) {}
    @Override public InputStream getByteStream() { return null; }
    @Override public void setByteStream(InputStream s) {}
    @Override public String getStringData() { return text; }
    @Override public void setStringData(String s) {}
    @Override public String getSystemId() { return "http://cyclonedx.org/schema/spdx"; }
    @Override public void setSystemId(String s) {}
    @Override public String getPublicId() { return null; }
    @Override public void setPublicId(String s) {}
    @Override public String getBaseURI() { return null; }
    @Override public void setBaseURI(String s) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) {}
  }
}
