package io.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.DeviceModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DataFlowDiagramTest {
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static int countGroups(Document d, String cls) {
    NodeList groups = d.getElementsByTagName("g");
    int n = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      if (cls.equals(((Element) groups.item(i)).getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }

  @Test
  void drawsOneBoundaryPerZoneOneBoxPerComponentAndOneArrowPerFlow() throws Exception {
    DeviceModel m = ReportFixtures.followUp("Clinician portal");

    Document svg = parse(DataFlowDiagram.svg(m));

    assertThat(countGroups(svg, "zone")).isEqualTo(m.zones().size());
    assertThat(countGroups(svg, "component")).isEqualTo(m.components().size());
    assertThat(countGroups(svg, "flow")).isEqualTo(m.flows().size());
  }

  @Test
  void unencryptedFlowsAreDrawnRedAndDashed() {
    String svg = DataFlowDiagram.svg(ReportFixtures.followUp("Clinician portal"));

    assertThat(svg).contains("http (plain)").contains("stroke-dasharray=\"6 4\" marker-end=\"url(#arrow-red)\"");
  }

  @Test
  void hostileNamesStayWellFormedXml() throws Exception {
    String svg = DataFlowDiagram.svg(ReportFixtures.followUp("<g onload=alert(1)>&\u0007"));

    Document d = parse(svg);
    assertThat(countGroups(d, "component")).isEqualTo(7);
    assertThat(svg).doesNotContain("<g onload");
  }

  @Test
  void aLargeModelIsDrawnByZoneWithFlowCounts() throws Exception {
    DeviceModel m = ReportFixtures.large(1000, 5000);

    String svg = DataFlowDiagram.svg(m);

    Document d = parse(svg);
    assertThat(countGroups(d, "zone")).isEqualTo(m.zones().size());
    assertThat(countGroups(d, "component")).isZero();
    assertThat(svg).contains("1000 components and 5000 flows").containsPattern("\\d+ flows, \\d+ unencrypted");
    assertThat(svg).isEqualTo(DataFlowDiagram.svg(m));
  }
}
