package io.vigie.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.model.Names;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.ThreatRule;
import io.vigie.core.threat.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie rules}: the built-in threat rules. */
@Command(name = "rules", description = "List the built-in threat rules.",
    footer = {"", "Examples:", "  vigie rules", "  vigie rules --format json | jq '.[].id'"})
final class RulesCommand implements Callable<Integer> {
  enum Format { table, json }

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode all = mapper.createArrayNode();
      for (ThreatRule r : BuiltInRules.all()) {
        all.add(json(mapper, r.info()));
      }
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(all));
      return ExitCodes.OK;
    }
    out.printf("%-44s %-24s %s%n", "ID", "STRIDE", "TITLE");
    for (ThreatRule r : BuiltInRules.all()) {
      RuleInfo i = r.info();
      out.printf("%-44s %-24s %s%n", i.id(), Names.of(i.category()), i.title());
    }
    out.printf("%n%d rules. `vigie rules --format json` gives their CWE, CAPEC, rationale and mitigations.%n", BuiltInRules.all().size());
    return ExitCodes.OK;
  }

  private static ObjectNode json(ObjectMapper mapper, RuleInfo i) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", i.id());
    n.put("title", i.title());
    n.put("category", Names.of(i.category()));
    i.privacy().ifPresent(p -> n.put("privacy", Names.of(p)));
    ArrayNode cwe = n.putArray("cwe");
    i.cwe().forEach(c -> cwe.add("CWE-" + c));
    ArrayNode capec = n.putArray("capec");
    i.capec().forEach(c -> capec.add("CAPEC-" + c));
    n.put("rationale", i.rationale());
    n.put("appliesTo", i.appliesTo());
    ArrayNode controls = n.putArray("recommendedControls");
    i.recommendedControls().forEach(c -> controls.add(Names.of(c)));
    ArrayNode mitigations = n.putArray("mitigations");
    i.mitigations().forEach(c -> mitigations.add(Names.of(c)));
    n.put("requiresAuthentication", i.requiresAuthentication());
    n.put("complexity", Names.of(i.complexity()));
    n.put("falsePositives", i.falsePositives());
    return n;
  }
}
