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
 * <p>One correction is applied: the 1.5 and 1.6 XSDs bundled in cyclonedx-core-java 12.2.0 allow a
 * single {@code modelCard/considerations/users/user}, where the published specification allows many
 * ({@code maxOccurs="unbounded"}, fixed upstream); without it the spec's own
 * {@code valid-machine-learning} examples are rejected.
 */
final class CycloneDxXmlSchemas {
  /** Enough to act on; a broken document can otherwise produce thousands. */
  static final int MAX_PROBLEMS = 50;

  private static final String USER_BUG = "<xs:element name=\"user\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"1\" />";
  private static final String USER_FIX = "<xs:element name=\"user\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\" />";

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
    String xsd = resource("/bom-" + version.getVersionString() + ".xsd").replace(USER_BUG, USER_FIX);
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
