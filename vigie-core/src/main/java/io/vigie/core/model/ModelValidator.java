package io.vigie.core.model;

import io.vigie.core.validation.Problem;
import io.vigie.core.validation.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural checks of a model: every ID is unique across the model (threats and controls
 * name elements by ID alone), and every reference points at an element of the right kind. Returns
 * every problem at once, each with the path of the offending field, so one run shows the whole
 * list; positions are added by the reader that knows the file.
 */
public final class ModelValidator {
  private ModelValidator() {}

  public static List<Problem> validate(DeviceModel model) {
    return new Run(model).check();
  }

  private static final class Run {
    private final DeviceModel model;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> firstDeclared = new HashMap<>();
    private final Set<String> zones = new LinkedHashSet<>();
    private final Set<String> components = new LinkedHashSet<>();
    private final Set<String> assets = new LinkedHashSet<>();
    private final Set<String> hazards = new LinkedHashSet<>();
    private final Set<String> protectable = new LinkedHashSet<>();

    Run(DeviceModel model) {
      this.model = model;
    }

    List<Problem> check() {
      declare("actors", model.actors(), new LinkedHashSet<>());
      declare("zones", model.zones(), zones);
      declare("assets", model.assets(), assets);
      declare("components", model.components(), components);
      declare("flows", model.flows(), new LinkedHashSet<>());
      declare("controls", model.controls(), new LinkedHashSet<>());
      declare("hazards", model.hazards(), hazards);
      declare("threats", model.threats(), new LinkedHashSet<>());
      protectable.addAll(components);
      protectable.addAll(zones);
      protectable.addAll(assets);
      model.flows().forEach(f -> protectable.add(f.id()));

      forEach(model.actors(), "actors", (a, p) -> refs(p + ".uses", a.uses(), components, "component"));
      forEach(model.components(), "components", (c, p) -> {
        ref(p + ".zone", c.zone(), zones, "trust zone");
        refs(p + ".stores", c.stores(), assets, "data asset");
        refs(p + ".processes", c.processes(), assets, "data asset");
        refs(p + ".hazards", c.hazards(), hazards, "hazard");
        refs(p + ".redundantWith", c.redundantWith(), components, "component");
        if (c.redundantWith().contains(c.id())) {
          problems.add(Problem.at(p + ".redundantWith", "a component cannot back itself up"));
        }
      });
      forEach(model.flows(), "flows", (f, p) -> {
        ref(p + ".from", f.from(), components, "component");
        ref(p + ".to", f.to(), components, "component");
        if (f.from().equals(f.to())) {
          problems.add(Problem.at(p + ".to", "a flow goes from one component to another, but both ends are '" + f.to() + "'"));
        }
        refs(p + ".assets", f.assets(), assets, "data asset");
      });
      forEach(model.controls(), "controls", (c, p) -> {
        refs(p + ".protects", c.protects(), protectable, "component, flow, data asset or zone");
        if (c.provides().isEmpty()) {
          problems.add(Problem.at(p + ".provides", "expected at least one capability, so that the control can be traced to the threats it mitigates"));
        }
      });
      forEach(model.hazards(), "hazards", (h, p) -> refs(p + ".elements", h.elements(), protectable, "component, flow, data asset or zone"));
      forEach(model.threats(), "threats", (t, p) -> {
        refs(p + ".elements", t.elements(), protectable, "component, flow, data asset or zone");
        if (t.elements().isEmpty()) {
          // The first element is the attacker's entry point: without one there is nothing to assess.
          problems.add(Problem.at(p + ".elements", "expected at least one element (the first is the attacker's entry point)"));
        }
      });
      return List.copyOf(problems);
    }

    private <T extends Element> void declare(String list, List<T> elements, Set<String> into) {
      for (int i = 0; i < elements.size(); i++) {
        String id = elements.get(i).id();
        String path = list + "[" + i + "].id";
        if (id.isBlank()) {
          problems.add(Problem.at(path, "expected a non-empty ID"));
          continue;
        }
        String first = firstDeclared.putIfAbsent(id, path);
        if (first != null) {
          problems.add(Problem.at(path, "duplicate ID '" + id + "': already used at " + first + "; IDs are unique across the whole model"));
        }
        into.add(id);
      }
    }

    private interface Check<T> {
      void apply(T element, String path);
    }

    private static <T> void forEach(List<T> list, String name, Check<T> check) {
      for (int i = 0; i < list.size(); i++) {
        check.apply(list.get(i), name + "[" + i + "]");
      }
    }

    private void refs(String path, List<String> ids, Set<String> known, String kind) {
      for (int i = 0; i < ids.size(); i++) {
        ref(path + "[" + i + "]", ids.get(i), known, kind);
      }
    }

    private void ref(String path, String id, Set<String> known, String kind) {
      if (known.contains(id)) {
        return;
      }
      Problem p = Problem.at(path, "unknown " + kind + " '" + id + "'" + (known.isEmpty() ? ": none is declared" : ""));
      problems.add(Suggestions.closest(id, known).map(p::withSuggestion).orElse(p));
    }
  }
}
