package io.vigie.report;

import io.vigie.core.model.Component;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Names;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustZone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data-flow diagram as SVG: every trust zone a dashed boundary holding its components, every
 * flow an arrow labelled with its protocol (red and dashed when not encrypted), components with a
 * clinical function of serious or worse harm outlined in red. This is the "global system view"
 * of the FDA premarket guidance, with its trust boundaries.
 *
 * <p>The layout is a deterministic grid written here rather than a graph-layout library: the
 * pure-Java options either need a native Graphviz or a JavaScript engine, and a grid of zones
 * ordered by trust (internet first, inside the device last) reads well for the tens of components
 * of a real device. Beyond {@value #DETAIL_LIMIT} components no drawing of single boxes stays
 * legible, so the diagram switches to one box per zone with its counts and one arrow per pair of
 * zones labelled with the number of flows (and how many are unencrypted). Layout is O(components +
 * flows); the same model always gives the same bytes.
 */
public final class DataFlowDiagram {
  static final int DETAIL_LIMIT = 150;

  private static final int BOX_W = 168;
  private static final int BOX_H = 50;
  private static final int GAP_X = 56;
  private static final int GAP_Y = 56;
  private static final int PAD = 22;
  private static final int TITLE = 26;
  private static final int ZONE_GAP = 70;
  private static final int MARGIN = 20;

  private DataFlowDiagram() {}

  public static String svg(DeviceModel model) {
    return model.components().size() > DETAIL_LIMIT ? aggregated(model) : detailed(model);
  }

  private record Box(double x, double y, double w, double h) {
    double cx() { return x + w / 2; }
    double cy() { return y + h / 2; }
  }

  /**
   * Zones in the order care data usually travels, so most arrows run left to right on the first
   * row: the patient's side, the device, the cloud, the hospital; then the third parties and the
   * internet on the rows below, where their arrows cross the least.
   */
  private static List<TrustZone> orderedZones(DeviceModel model) {
    List<TrustZone> zones = new ArrayList<>(model.zones());
    zones.sort(Comparator.comparingInt((TrustZone z) -> layoutRank(z.trust())).thenComparing(TrustZone::id));
    return zones;
  }

  private static int layoutRank(io.vigie.core.model.TrustLevel trust) {
    switch (trust) {
      case PATIENT_HOME: return 0;
      case DEVICE_INTERNAL: return 1;
      case MAKER_CLOUD: return 2;
      case CERTIFIED_HOSTING: return 3;
      case HOSPITAL_NETWORK: return 4;
      case THIRD_PARTY: return 5;
      default: return 6;
    }
  }

  private static String detailed(DeviceModel model) {
    List<TrustZone> zones = orderedZones(model);
    Map<String, List<Component>> byZone = new LinkedHashMap<>();
    zones.forEach(z -> byZone.put(z.id(), new ArrayList<>()));
    model.components().stream().sorted(Comparator.comparing(Component::id))
        .forEach(c -> byZone.computeIfAbsent(c.zone(), k -> new ArrayList<>()).add(c));

    int zoneCols = Math.min(3, Math.max(1, zones.size()));
    // Size of each zone from the grid of its components.
    Map<String, int[]> grid = new HashMap<>();
    double[] colW = new double[zoneCols];
    List<Double> rowH = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      int n = Math.max(1, byZone.get(zones.get(i).id()).size());
      int cols = (int) Math.ceil(Math.sqrt(n));
      int rows = (int) Math.ceil(n / (double) cols);
      grid.put(zones.get(i).id(), new int[] {cols, rows});
      double w = 2 * PAD + cols * BOX_W + (cols - 1) * GAP_X;
      double h = TITLE + 2 * PAD + rows * BOX_H + (rows - 1) * GAP_Y;
      colW[i % zoneCols] = Math.max(colW[i % zoneCols], w);
      if (rowH.size() <= i / zoneCols) {
        rowH.add(0.0);
      }
      rowH.set(i / zoneCols, Math.max(rowH.get(i / zoneCols), h));
    }
    Map<String, Box> zoneBox = new HashMap<>();
    Map<String, Box> boxes = new HashMap<>();
    double y = MARGIN;
    for (int r = 0; r < rowH.size(); r++) {
      double x = MARGIN;
      for (int c = 0; c < zoneCols; c++) {
        int i = r * zoneCols + c;
        if (i >= zones.size()) {
          break;
        }
        TrustZone z = zones.get(i);
        Box zb = new Box(x, y, colW[c], rowH.get(r));
        zoneBox.put(z.id(), zb);
        int cols = grid.get(z.id())[0];
        List<Component> inside = byZone.get(z.id());
        for (int k = 0; k < inside.size(); k++) {
          boxes.put(inside.get(k).id(), new Box(x + PAD + (k % cols) * (BOX_W + GAP_X),
              y + TITLE + PAD + (k / cols) * (BOX_H + GAP_Y), BOX_W, BOX_H));
        }
        x += colW[c] + ZONE_GAP;
      }
      y += rowH.get(r) + ZONE_GAP;
    }
    double width = MARGIN;
    for (double w : colW) {
      width += w + ZONE_GAP;
    }
    width = Math.max(width - ZONE_GAP + MARGIN, 400);
    double height = Math.max(y - ZONE_GAP + MARGIN, 120);

    StringBuilder s = header(width, height, model.device().name() + ": data-flow diagram");
    for (TrustZone z : zones) {
      Box b = zoneBox.get(z.id());
      s.append("<g class=\"zone\"><rect x=\"").append(n(b.x)).append("\" y=\"").append(n(b.y)).append("\" width=\"").append(n(b.w))
          .append("\" height=\"").append(n(b.h)).append("\" rx=\"10\" fill=\"").append(zoneFill(z)).append("\" stroke=\"#5b6b8c\" stroke-width=\"1.5\" stroke-dasharray=\"8 5\"/>")
          .append("<text x=\"").append(n(b.x + 10)).append("\" y=\"").append(n(b.y + 18)).append("\" class=\"zt\">")
          .append(Escape.html(z.name())).append(" · ").append(Names.of(z.trust()))
          .append(z.certifiedHealthDataHost() ? " · certified health-data host" : "").append("</text></g>\n");
    }
    for (DataFlow f : model.flows().stream().sorted(Comparator.comparing(DataFlow::id)).toList()) {
      Box a = boxes.get(f.from());
      Box b = boxes.get(f.to());
      if (a == null || b == null) {
        continue;
      }
      double[] p = clip(a, b.cx(), b.cy());
      double[] q = clip(b, a.cx(), a.cy());
      boolean plain = !f.encryption().isPresent();
      s.append("<g class=\"flow\"><title>").append(Escape.html(f.id() + ": " + f.name() + " (" + f.protocol() + ", " + String.join(", ", f.assets()) + ")"))
          .append("</title><line x1=\"").append(n(p[0])).append("\" y1=\"").append(n(p[1])).append("\" x2=\"").append(n(q[0]))
          .append("\" y2=\"").append(n(q[1])).append("\" stroke=\"").append(plain ? "#c62828" : "#37474f").append("\" stroke-width=\"1.4\"")
          .append(plain ? " stroke-dasharray=\"6 4\" marker-end=\"url(#arrow-red)\"" : " marker-end=\"url(#arrow)\"").append("/>")
          .append("<text x=\"").append(n((p[0] + q[0]) / 2)).append("\" y=\"").append(n((p[1] + q[1]) / 2 - 3))
          .append("\" class=\"fl").append(plain ? " plain" : "").append("\">").append(Escape.html(f.protocol()))
          .append(plain ? " (plain)" : "").append("</text></g>\n");
    }
    for (Component c : model.components().stream().sorted(Comparator.comparing(Component::id)).toList()) {
      Box b = boxes.get(c.id());
      if (b == null) {
        continue;
      }
      boolean safety = c.harmSeverity().atLeast(Severity.SERIOUS);
      s.append("<g class=\"component\"><title>").append(Escape.html(c.id() + c.clinicalFunction().map(f -> ": " + f).orElse("")
          + " (harm " + Names.of(c.harmSeverity()) + ")")).append("</title><rect x=\"").append(n(b.x)).append("\" y=\"").append(n(b.y))
          .append("\" width=\"").append(n(b.w)).append("\" height=\"").append(n(b.h)).append("\" rx=\"6\" fill=\"#ffffff\" stroke=\"")
          .append(safety ? "#c62828" : "#37474f").append("\" stroke-width=\"").append(safety ? "2.5" : "1.2").append("\"/>")
          .append("<text x=\"").append(n(b.cx())).append("\" y=\"").append(n(b.y + 21)).append("\" class=\"cn\">")
          .append(Escape.html(shorten(c.name(), 24))).append("</text>")
          .append("<text x=\"").append(n(b.cx())).append("\" y=\"").append(n(b.y + 38)).append("\" class=\"ck\">")
          .append(Names.of(c.kind())).append(safety ? " · harm " + Names.of(c.harmSeverity()) : "").append("</text></g>\n");
    }
    return s.append("</svg>\n").toString();
  }

  private static String aggregated(DeviceModel model) {
    List<TrustZone> zones = orderedZones(model);
    Map<String, Integer> count = new HashMap<>();
    Map<String, Integer> clinical = new HashMap<>();
    Map<String, String> zoneOf = new HashMap<>();
    for (Component c : model.components()) {
      zoneOf.put(c.id(), c.zone());
      count.merge(c.zone(), 1, Integer::sum);
      if (c.harmSeverity().atLeast(Severity.SERIOUS)) {
        clinical.merge(c.zone(), 1, Integer::sum);
      }
    }
    Map<String, int[]> pairs = new TreeMap<>();
    Map<String, Integer> internal = new HashMap<>();
    for (DataFlow f : model.flows()) {
      String a = zoneOf.get(f.from());
      String b = zoneOf.get(f.to());
      if (a == null || b == null) {
        continue;
      }
      if (a.equals(b)) {
        internal.merge(a, 1, Integer::sum);
        continue;
      }
      int[] c = pairs.computeIfAbsent(a + "\u0000" + b, k -> new int[2]);
      c[0]++;
      if (!f.encryption().isPresent()) {
        c[1]++;
      }
    }
    int cols = Math.min(3, Math.max(1, zones.size()));
    double w = 300;
    double h = 96;
    double gapX = 220;
    double gapY = 150;
    Map<String, Box> boxes = new HashMap<>();
    for (int i = 0; i < zones.size(); i++) {
      boxes.put(zones.get(i).id(), new Box(MARGIN + (i % cols) * (w + gapX), MARGIN + 30 + (i / cols) * (h + gapY), w, h));
    }
    int rows = (zones.size() + cols - 1) / cols;
    double width = 2 * MARGIN + cols * w + (cols - 1) * gapX;
    double height = 2 * MARGIN + 30 + rows * h + (rows - 1) * gapY;
    StringBuilder s = header(width, height, model.device().name() + ": data flows between trust zones");
    s.append("<text x=\"").append(MARGIN).append("\" y=\"").append(MARGIN + 12).append("\" class=\"zt\">")
        .append(model.components().size()).append(" components and ").append(model.flows().size())
        .append(" flows: drawn by trust zone (over ").append(DETAIL_LIMIT).append(" components a box per component is not legible)</text>\n");
    for (Map.Entry<String, int[]> e : pairs.entrySet()) {
      String[] ab = e.getKey().split("\u0000");
      Box a = boxes.get(ab[0]);
      Box b = boxes.get(ab[1]);
      // Two arrows between the same zones (one each way) are drawn side by side, not on top.
      double off = ab[0].compareTo(ab[1]) < 0 ? -7 : 7;
      double[] p = clip(a, b.cx(), b.cy());
      double[] q = clip(b, a.cx(), a.cy());
      boolean plain = e.getValue()[1] > 0;
      s.append("<g class=\"flow\"><line x1=\"").append(n(p[0] + off)).append("\" y1=\"").append(n(p[1] + off)).append("\" x2=\"")
          .append(n(q[0] + off)).append("\" y2=\"").append(n(q[1] + off)).append("\" stroke=\"").append(plain ? "#c62828" : "#37474f")
          .append("\" stroke-width=\"").append(n(Math.min(6, 1 + Math.log1p(e.getValue()[0])))).append("\" marker-end=\"url(#")
          .append(plain ? "arrow-red" : "arrow").append(")\"/><text x=\"").append(n((p[0] + q[0]) / 2 + off)).append("\" y=\"")
          .append(n((p[1] + q[1]) / 2 + off - 4)).append("\" class=\"fl").append(plain ? " plain" : "").append("\">")
          .append(e.getValue()[0]).append(" flows").append(plain ? ", " + e.getValue()[1] + " unencrypted" : "").append("</text></g>\n");
    }
    for (TrustZone z : zones) {
      Box b = boxes.get(z.id());
      s.append("<g class=\"zone\"><rect x=\"").append(n(b.x)).append("\" y=\"").append(n(b.y)).append("\" width=\"").append(n(b.w))
          .append("\" height=\"").append(n(b.h)).append("\" rx=\"10\" fill=\"").append(zoneFill(z))
          .append("\" stroke=\"#5b6b8c\" stroke-width=\"1.5\" stroke-dasharray=\"8 5\"/><text x=\"").append(n(b.cx())).append("\" y=\"")
          .append(n(b.y + 26)).append("\" class=\"cn\">").append(Escape.html(shorten(z.name(), 34))).append("</text><text x=\"")
          .append(n(b.cx())).append("\" y=\"").append(n(b.y + 48)).append("\" class=\"ck\">").append(Names.of(z.trust()))
          .append("</text><text x=\"").append(n(b.cx())).append("\" y=\"").append(n(b.y + 70)).append("\" class=\"ck\">")
          .append(count.getOrDefault(z.id(), 0)).append(" components, ").append(clinical.getOrDefault(z.id(), 0))
          .append(" of serious+ harm, ").append(internal.getOrDefault(z.id(), 0)).append(" internal flows</text></g>\n");
    }
    return s.append("</svg>\n").toString();
  }

  private static StringBuilder header(double width, double height, String title) {
    StringBuilder s = new StringBuilder(8192);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
        .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append("\" role=\"img\" aria-label=\"")
        .append(Escape.html(title)).append("\">\n<title>").append(Escape.html(title)).append("</title>\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#37474f\"/></marker>")
        .append("<marker id=\"arrow-red\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker></defs>\n")
        .append("<style>text{font-family:system-ui,Segoe UI,Helvetica,Arial,sans-serif}.zt{font-size:13px;font-weight:600;fill:#34405a}")
        .append(".cn{font-size:13px;font-weight:600;text-anchor:middle;fill:#1b1f24}.ck{font-size:11px;text-anchor:middle;fill:#55606e}")
        .append(".fl{font-size:10.5px;text-anchor:middle;fill:#37474f;paint-order:stroke;stroke:#fff;stroke-width:3px}.fl.plain{fill:#c62828}</style>\n");
    return s;
  }

  private static String zoneFill(TrustZone z) {
    switch (z.trust()) {
      case INTERNET: return "#fdecea";
      case THIRD_PARTY: return "#fff4e5";
      case PATIENT_HOME: return "#eef7ee";
      case HOSPITAL_NETWORK: return "#e8f1fb";
      case DEVICE_INTERNAL: return "#f3eefa";
      default: return "#eef1f6";
    }
  }

  /** The point where the segment from the box's centre towards (tx, ty) leaves the box. */
  private static double[] clip(Box b, double tx, double ty) {
    double dx = tx - b.cx();
    double dy = ty - b.cy();
    if (dx == 0 && dy == 0) {
      return new double[] {b.cx(), b.cy()};
    }
    double sx = dx == 0 ? Double.MAX_VALUE : (b.w / 2) / Math.abs(dx);
    double sy = dy == 0 ? Double.MAX_VALUE : (b.h / 2) / Math.abs(dy);
    double s = Math.min(sx, sy);
    return new double[] {b.cx() + dx * s, b.cy() + dy * s};
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** A coordinate with one decimal at most, the same on every JVM and locale. */
  private static String n(double v) {
    if (v < 0) {
      return "-" + n(-v);
    }
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
  }
}
