package io.vigie.core.change;

import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Element;
import io.vigie.core.model.Names;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The differences between two versions of a model, element by element and field by field.
 * Elements are matched by ID, so moving an element in the file or renaming it is a field change,
 * not a removal and an addition. Lists inside an element compare as sets (reordering
 * {@code stores: [a, b]} is no change). Fields are read through the record components, so a field
 * added to a record is compared without touching this class.
 */
public final class ModelDiff {
  private ModelDiff() {}

  /** Changes sorted by kind (in model order) then ID. */
  public static List<ElementChange> between(DeviceModel before, DeviceModel after) {
    List<ElementChange> out = new ArrayList<>();
    List<FieldChange> device = before.device().equals(after.device()) ? List.of() : fields(before.device(), after.device());
    if (!device.isEmpty()) {
      out.add(new ElementChange("device", before.device().name(), ChangeType.CHANGED, device));
    }
    compare(out, "actor", before.actors(), after.actors(), Element::id);
    compare(out, "zone", before.zones(), after.zones(), Element::id);
    compare(out, "asset", before.assets(), after.assets(), Element::id);
    compare(out, "component", before.components(), after.components(), Element::id);
    compare(out, "flow", before.flows(), after.flows(), Element::id);
    compare(out, "control", before.controls(), after.controls(), Element::id);
    compare(out, "hazard", before.hazards(), after.hazards(), Element::id);
    compare(out, "threat", before.threats(), after.threats(), Element::id);
    compare(out, "override", before.overrides(), after.overrides(), RiskOverride::threat);
    compare(out, "acceptance", before.acceptances(), after.acceptances(), RiskAcceptance::threat);
    return List.copyOf(out);
  }

  private static <T extends Record> void compare(List<ElementChange> out, String kind, List<T> before,
      List<T> after, Function<T, String> id) {
    Map<String, T> old = byId(before, id);
    Map<String, T> now = byId(after, id);
    TreeMap<String, ElementChange> changes = new TreeMap<>();
    for (Map.Entry<String, T> e : old.entrySet()) {
      T next = now.get(e.getKey());
      if (next == null) {
        changes.put(e.getKey(), new ElementChange(kind, e.getKey(), ChangeType.REMOVED, List.of()));
      } else if (!next.equals(e.getValue())) {
        // Equal records render equally: only the others are compared field by field.
        List<FieldChange> fields = fields(e.getValue(), next);
        if (!fields.isEmpty()) {
          changes.put(e.getKey(), new ElementChange(kind, e.getKey(), ChangeType.CHANGED, fields));
        }
      }
    }
    for (String key : now.keySet()) {
      if (!old.containsKey(key)) {
        changes.put(key, new ElementChange(kind, key, ChangeType.ADDED, List.of()));
      }
    }
    out.addAll(changes.values());
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.putIfAbsent(id.apply(i), i));
    return out;
  }

  private static List<FieldChange> fields(Record before, Record after) {
    List<FieldChange> out = new ArrayList<>();
    for (RecordComponent rc : before.getClass().getRecordComponents()) {
      Object a = read(rc, before);
      Object b = read(rc, after);
      String x = render(a);
      String y = render(b);
      if (!x.equals(y)) {
        out.add(new FieldChange(rc.getName(), x, y));
      }
    }
    return out;
  }

  private static Object read(RecordComponent rc, Record r) {
    try {
      return rc.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("record accessor " + rc, e);
    }
  }

  /** A value as a person reads it; collections sorted, so that order is not a change. */
  static String render(Object value) {
    if (value == null) {
      return "(none)";
    }
    if (value instanceof Optional<?> o) {
      return o.map(ModelDiff::render).orElse("(none)");
    }
    if (value instanceof Enum<?> e) {
      return Names.of(e);
    }
    if (value instanceof Collection<?> c) {
      return "[" + String.join(", ", c.stream().map(ModelDiff::render).sorted().toList()) + "]";
    }
    if (value instanceof Record r) {
      List<String> parts = new ArrayList<>();
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        String v = render(read(rc, r));
        if (!v.isEmpty() && !v.equals("(none)") && !v.equals("[]")) {
          parts.add(rc.getName() + ": " + v);
        }
      }
      return "{" + String.join(", ", parts) + "}";
    }
    return value.toString();
  }
}
