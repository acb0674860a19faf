package io.vigie.formats.change;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ElementChange;
import io.vigie.core.change.FieldChange;
import io.vigie.core.change.ImpactedElement;
import io.vigie.core.change.MappedFile;
import io.vigie.core.change.PackageChange;
import io.vigie.core.change.RiskChange;
import io.vigie.core.change.ThreatChange;
import io.vigie.core.model.Names;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The change impact as JSON, for pipelines: everything, with stable field names. Thread-safe.
 * Streamed (a diff that touches every element of a large model writes tens of megabytes), with
 * Jackson's default pretty printer.
 *
 * <p>The impacted elements are nearly all of a large change's text: from {@value #PARALLEL_FROM}
 * of them, the second half is rendered on another thread while this one writes the first, then
 * appended. Each element's text depends only on the element and on its depth in the document, the
 * same in both generators, and the pretty printer separates array values with a fixed comma and
 * space, so the text is the one a single generator writes ({@code ChangeImpactJsonWriterTest}).
 */
public final class ChangeImpactJsonWriter {
  private static final JsonFactory JSON = new JsonFactory();

  /** Below this many impacted elements, a second thread costs more than it saves. */
  static final int PARALLEL_FROM = 1000;

  private final int parallelFrom;

  public ChangeImpactJsonWriter() {
    this(PARALLEL_FROM);
  }

  /** {@code parallelFrom}: how many impacted elements make the writer render half of them on another thread. */
  ChangeImpactJsonWriter(int parallelFrom) {
    this.parallelFrom = parallelFrom;
  }

  public String write(ChangeImpact c) {
    StringWriter out = new StringWriter(64 * 1024);
    write(c, out);
    return out.toString();
  }

  /** Streams the change impact to {@code out}, then a line feed; does not close it. */
  public void write(ChangeImpact c, Writer out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeNumberField("schemaVersion", 1);
      g.writeStringField("base", c.base());
      g.writeStringField("head", c.head());
      g.writeObjectFieldStart("gate");
      g.writeBooleanField("passed", c.gatePassed());
      strings(g, "reasons", c.gateReasons());
      g.writeEndObject();
      g.writeBooleanField("securityRelevant", c.securityRelevant());
      g.writeBooleanField("patientSafety", c.patientSafety());
      g.writeBooleanField("dataIntegrity", c.dataIntegrity());
      g.writeStringField("verdict", c.verdict());
      g.writeArrayFieldStart("impacted");
      List<ImpactedElement> impacted = c.impacted();
      int split = impacted.size() >= Math.max(2, parallelFrom) ? impacted.size() / 2 : impacted.size();
      CompletableFuture<String> rest = split < impacted.size()
          ? CompletableFuture.supplyAsync(() -> impactedText(impacted.subList(split, impacted.size())))
          : null;
      for (ImpactedElement e : impacted.subList(0, split)) {
        impacted(g, e);
      }
      if (rest != null) {
        g.flush();
        // The rest starts with the space the pretty printer puts before an array's first value.
        out.write(',');
        out.write(join(rest));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("modelChanges");
      for (ElementChange e : c.modelChanges()) {
        g.writeStartObject();
        g.writeStringField("kind", e.kind());
        g.writeStringField("id", e.id());
        g.writeStringField("change", Names.of(e.type()));
        g.writeArrayFieldStart("fields");
        for (FieldChange f : e.fields()) {
          g.writeStartObject();
          g.writeStringField("field", f.field());
          g.writeStringField("before", f.before());
          g.writeStringField("after", f.after());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("files");
      for (MappedFile f : c.files()) {
        g.writeStartObject();
        g.writeStringField("path", f.file().path());
        if (f.file().oldPath().isPresent()) {
          g.writeStringField("oldPath", f.file().oldPath().get());
        }
        g.writeStringField("change", Names.of(f.file().type()));
        strings(g, "components", f.components());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "unmappedFiles", c.unmappedFiles());
      strings(g, "outsideFiles", c.outsideFiles());
      g.writeArrayFieldStart("packages");
      for (PackageChange p : c.packages()) {
        g.writeStartObject();
        g.writeStringField("sbom", p.sbom());
        g.writeStringField("name", p.name());
        optional(g, "purl", p.purl());
        g.writeStringField("change", Names.of(p.kind()));
        optional(g, "versionBefore", p.versionBefore());
        optional(g, "versionAfter", p.versionAfter());
        strings(g, "licencesBefore", p.licencesBefore());
        strings(g, "licencesAfter", p.licencesAfter());
        strings(g, "vulnerabilitiesAppeared", p.vulnerabilitiesAppeared());
        strings(g, "vulnerabilitiesDisappeared", p.vulnerabilitiesDisappeared());
        strings(g, "knownExploited", p.knownExploited());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("threats");
      for (ThreatChange t : c.threats()) {
        g.writeStartObject();
        g.writeStringField("id", t.threat());
        g.writeStringField("change", Names.of(t.type()));
        g.writeStringField("title", t.title());
        strings(g, "elements", t.elements());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("risks");
      for (RiskChange r : c.risks()) {
        risk(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void impacted(JsonGenerator g, ImpactedElement e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    g.writeStringField("kind", e.kind());
    g.writeStringField("name", e.name());
    g.writeBooleanField("direct", e.direct());
    g.writeBooleanField("patientSafety", e.patientSafety());
    g.writeBooleanField("dataIntegrity", e.dataIntegrity());
    strings(g, "reasons", e.reasons());
    strings(g, "threats", e.threats());
    g.writeArrayFieldStart("risks");
    for (RiskChange r : e.risks()) {
      risk(g, r);
    }
    g.writeEndArray();
    strings(g, "controls", e.controls());
    strings(g, "tests", e.tests());
    g.writeEndObject();
  }

  /**
   * The text of impacted elements written at their place in the document (inside the root object's
   * "impacted" array) by a generator of their own, from the space before the first of them.
   */
  private static String impactedText(List<ImpactedElement> elements) {
    StringWriter out = new StringWriter(elements.size() * 2048);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("impacted");
      g.flush();
      int from = out.getBuffer().length();
      for (ImpactedElement e : elements) {
        impacted(g, e);
      }
      g.flush();
      return out.getBuffer().substring(from);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String join(CompletableFuture<String> text) {
    try {
      return text.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void risk(JsonGenerator g, RiskChange r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.risk());
    g.writeStringField("threat", r.threat());
    level(g, "levelBefore", r.levelBefore());
    level(g, "levelAfter", r.levelAfter());
    level(g, "residualBefore", r.residualBefore());
    level(g, "residualAfter", r.residualAfter());
    g.writeBooleanField("acceptableBefore", r.acceptableBefore());
    g.writeBooleanField("acceptableAfter", r.acceptableAfter());
    strings(g, "controlsRemoved", r.controlsRemoved());
    strings(g, "controlsAdded", r.controlsAdded());
    g.writeEndObject();
  }

  private static void level(JsonGenerator g, String field, Optional<? extends Enum<?>> level) throws IOException {
    if (level.isPresent()) {
      g.writeStringField(field, Names.of(level.get()));
    } else {
      g.writeNullField(field);
    }
  }

  private static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    }
  }

  private static void strings(JsonGenerator g, String field, Collection<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
