package io.vigie.core.vuln.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.Reachability;
import io.vigie.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrioritizerTest {
  private static final String LOG4SHELL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";
  private static final String SWEYNTOOTH_LIKE = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";
  private static final LocalDate LOG4SHELL_ADDED_TO_KEV = LocalDate.of(2021, 12, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private final Prioritizer prioritizer = new Prioritizer();

  private static final MedicalDeviceContext PATIENT_API =
      new MedicalDeviceContext("patient API", Reachability.INTERNET, true, Severity.SERIOUS, false, false);
  private static final MedicalDeviceContext PUMP_BLE_LINK =
      new MedicalDeviceContext("pump BLE link", Reachability.ADJACENT, false, Severity.CRITICAL, true, false);

  @Test
  void knownExploitedFlawInAnInternetFacingHealthDataComponentIsImmediateAndUncontrolled() throws IOException {
    LocalDate due = kevDueDate("CVE-2021-44228");

    Priority priority = prioritizer.prioritize(
        CvssScore.parse(LOG4SHELL), ExploitEvidence.kev(due), PATIENT_API, LOG4SHELL_ADDED_TO_KEV);

    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.IMMEDIATE);
    assertThat(priority.rule()).isEqualTo(1);
    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.UNCONTROLLED);
    assertThat(priority.sla().notifyCustomersBy()).contains(LocalDate.of(2022, 1, 9));
    // KEV's 14 days come before the guidance's 60.
    assertThat(priority.sla().remediateBy()).contains(LocalDate.of(2021, 12, 24));
    assertThat(priority.sla().basis()).contains("60 days", "FDA postmarket cybersecurity guidance, December 2016", "KEV with due date 2021-12-24");
    assertThat(priority.explanation()).isEqualTo("known exploited (CISA KEV, due 2021-12-24); patient API reachable"
        + " from the internet; handles health data; worst patient harm serious; uncontrolled risk to patients;"
        + " CVSS 10.0 (environmental 10.0)");
  }

  @Test
  void lowEpssMediumFlawOnAPhysicalOnlyComponentWithNegligibleHarmIsLow() {
    var servicePort = new MedicalDeviceContext("service port", Reachability.PHYSICAL, false, Severity.NEGLIGIBLE, false, false);
    CvssScore medium = CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N");

    Priority priority = prioritizer.prioritize(medium, ExploitEvidence.epss(0.004), servicePort, TODAY);

    assertThat(medium.severity()).isEqualTo(CvssSeverity.MEDIUM);
    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.LOW);
    assertThat(priority.rule()).isEqualTo(8);
    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.CONTROLLED);
    assertThat(priority.cvss().environmentalScore()).isEqualTo(3.5);
    assertThat(priority.sla().notifyCustomersBy()).isEmpty();
    assertThat(priority.sla().remediateBy()).isEmpty();
    assertThat(priority.sla().basis()).startsWith("Controlled risk");
    assertThat(priority.explanation()).isEqualTo("EPSS 0.004; service port reachable only by touching the device;"
        + " worst patient harm negligible; CVSS 6.5 (environmental 3.5)");
  }

  @Test
  void aBleFlawAnyoneInRangeCanExploitOnATherapyLinkIsAnUncontrolledRisk() {
    Priority priority = prioritizer.prioritize(CvssScore.parse(SWEYNTOOTH_LIKE), ExploitEvidence.none(), PUMP_BLE_LINK, TODAY);

    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.IMMEDIATE);
    assertThat(priority.rule()).isEqualTo(2);
    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.UNCONTROLLED);
    assertThat(priority.sla().notifyCustomersBy()).contains(TODAY.plusDays(30));
    assertThat(priority.sla().remediateBy()).contains(TODAY.plusDays(60));
    assertThat(priority.explanation()).startsWith("no known exploitation; pump BLE link reachable from an adjacent network")
        .contains("has a clinical function", "worst patient harm critical", "uncontrolled risk to patients");
  }

  @Test
  void theSameFlawBehindAuthenticationIsControlled() {
    var paired = new MedicalDeviceContext("pump BLE link", Reachability.ADJACENT, false, Severity.CRITICAL, true, true);

    Priority priority = prioritizer.prioritize(CvssScore.parse(SWEYNTOOTH_LIKE), ExploitEvidence.none(), paired, TODAY);

    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.CONTROLLED);
    // Still HIGH (row 5): AR:H for the clinical function keeps it at 7.5, and the harm is critical.
    assertThat(priority.cvss().environmentalScore()).isEqualTo(7.5);
    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.HIGH);
    assertThat(priority.rule()).isEqualTo(5);
    assertThat(priority.explanation()).contains("reachable from an adjacent network or radio link after authentication");
  }

  @Test
  void likelyExploitationMakesAnAuthenticatedFlawExploitable() {
    var paired = new MedicalDeviceContext("pump BLE link", Reachability.ADJACENT, false, Severity.CRITICAL, true, true);

    Priority priority = prioritizer.prioritize(CvssScore.parse(SWEYNTOOTH_LIKE), ExploitEvidence.epss(0.10), paired, TODAY);

    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.UNCONTROLLED);
    assertThat(priority.explanation()).startsWith("EPSS 0.1;");
  }

  @Test
  void losingConfidentialityAloneIsNotPatientHarm() {
    var records = new MedicalDeviceContext("records store", Reachability.INTERNET, true, Severity.CATASTROPHIC, true, false);
    CvssScore heartbleed = CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");

    Priority priority = prioritizer.prioritize(heartbleed, ExploitEvidence.epss(0.94), records, TODAY);

    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.CONTROLLED);
    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.HIGH);
    assertThat(priority.rule()).isEqualTo(4);
    assertThat(priority.cvss().environmentalScore()).isEqualTo(9.3);
  }

  @Test
  void knownExploitedButOnlyPhysicallyReachableIsHighWithTheKevDeadline() {
    var usb = new MedicalDeviceContext("USB update port", Reachability.PHYSICAL, false, Severity.MINOR, false, false);
    LocalDate due = LocalDate.of(2026, 2, 1);

    Priority priority = prioritizer.prioritize(CvssScore.parse(LOG4SHELL), ExploitEvidence.kev(due), usb, TODAY);

    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.HIGH);
    assertThat(priority.rule()).isEqualTo(3);
    assertThat(priority.postmarketRisk()).isEqualTo(PostmarketRisk.CONTROLLED);
    assertThat(priority.sla().remediateBy()).contains(due);
    assertThat(priority.sla().notifyCustomersBy()).isEmpty();
    assertThat(priority.explanation()).startsWith("known exploited (CISA KEV, due 2026-02-01, overdue);");
  }

  @Test
  void severeFlawsAreHighWhenLikelyExploitedOrHarmfulAndMediumOtherwise() {
    CvssScore eternalBlueShape = CvssScore.parse("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H");
    var gateway = new MedicalDeviceContext("gateway", Reachability.INTERNET, false, Severity.MINOR, false, false);
    var monitor = new MedicalDeviceContext("gateway", Reachability.INTERNET, false, Severity.SERIOUS, false, false);

    assertThat(prioritizer.prioritize(eternalBlueShape, ExploitEvidence.epss(0.01), gateway, TODAY).rule()).isEqualTo(6);
    assertThat(prioritizer.prioritize(eternalBlueShape, ExploitEvidence.epss(0.01), monitor, TODAY))
        .satisfies(p -> {
          assertThat(p.rule()).isEqualTo(5);
          assertThat(p.priorityClass()).isEqualTo(PriorityClass.HIGH);
          assertThat(p.postmarketRisk()).isEqualTo(PostmarketRisk.CONTROLLED);
        });
    // EPSS 0.5 makes it exploitable, and the serious harm then makes it uncontrolled.
    assertThat(prioritizer.prioritize(eternalBlueShape, ExploitEvidence.epss(0.5), monitor, TODAY).rule()).isEqualTo(2);
  }

  @Test
  void aModerateFlawExposedToTheInternetIsMedium() {
    var portal = new MedicalDeviceContext("clinician portal", Reachability.INTERNET, false, Severity.NEGLIGIBLE, false, false);

    Priority priority = prioritizer.prioritize(
        CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"), ExploitEvidence.none(), portal, TODAY);

    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.MEDIUM);
    assertThat(priority.rule()).isEqualTo(7);
  }

  @Test
  void aFlawWithoutImpactIsInformational() {
    Priority priority = prioritizer.prioritize(CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"),
        ExploitEvidence.none(), MedicalDeviceContext.unknown("library"), TODAY);

    assertThat(priority.priorityClass()).isEqualTo(PriorityClass.INFORMATIONAL);
    assertThat(priority.rule()).isEqualTo(9);
  }

  @Test
  void cvss40FlawOnAClinicalInternetComponentIsUncontrolled() {
    var cloudTherapy = new MedicalDeviceContext("therapy cloud", Reachability.INTERNET, true, Severity.CATASTROPHIC, true, false);

    Priority priority = prioritizer.prioritize(
        CvssScore.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
        ExploitEvidence.none(), cloudTherapy, TODAY);

    assertThat(priority.rule()).isEqualTo(2);
    assertThat(priority.explanation()).endsWith("CVSS 9.3 (environmental " + priority.cvss().environmentalScore() + ")");
  }

  @Test
  void theSameInputsGiveTheSamePriority() {
    CvssScore cvss = CvssScore.parse(LOG4SHELL);
    ExploitEvidence kev = ExploitEvidence.kev(LocalDate.of(2021, 12, 24)).withEpss(0.94);

    assertThat(prioritizer.prioritize(cvss, kev, PATIENT_API, TODAY))
        .isEqualTo(new Prioritizer().prioritize(cvss, kev, PATIENT_API, TODAY));
  }

  /** The due date the real CISA KEV catalog gives a CVE; the catalog is read, never copied. */
  private static LocalDate kevDueDate(String cve) throws IOException {
    Path catalog = Path.of(System.getProperty("vigie.repo.root"))
        .resolve("../shared/data/cisa-kev/known_exploited_vulnerabilities.json");
    assertThat(catalog).as("the shared CISA KEV catalog (../shared/data) is needed by this test").exists();
    String json = Files.readString(catalog);
    Matcher m = Pattern.compile("\"cveID\":\\s*\"" + cve + "\"[^}]*?\"dueDate\":\\s*\"([0-9-]{10})\"").matcher(json);
    assertThat(m.find()).as(cve + " in the KEV catalog").isTrue();
    return LocalDate.parse(m.group(1));
  }
}
