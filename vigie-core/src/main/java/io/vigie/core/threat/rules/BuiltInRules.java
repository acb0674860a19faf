package io.vigie.core.threat.rules;

import io.vigie.core.threat.ThreatRule;
import java.util.List;

/**
 * The rules Vigie ships, one line each. An explicit list rather than class-path scanning: the
 * catalogue is plain code, in a fixed order, that "go to definition" follows.
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<ThreatRule> all() {
    return List.of(
        new HealthDataDisclosureInTransit(),
        new UnauthenticatedTherapyCommand(),
        new SpoofingAcrossTrustBoundary(),
        new TamperingAcrossTrustBoundary(),
        new RepudiableClinicalChange(),
        new UntracedHealthDataAccess(),
        new DataStoreDirectAccess(),
        new HealthDataDisclosureAtRest(),
        new InternetFacingDenialOfService(),
        new PrivilegeEscalationThroughUserInterface(),
        new UnsignedSoftwareUpdate(),
        new DefaultCredentials(),
        new HardcodedCredentials(),
        new UnattendedClinicalSession(),
        new ProcessingWithoutConsent(),
        new WrongPatientAssociation(),
        new UncertifiedHealthDataHosting(),
        new ClinicalDataTamperingInTransit(),
        new ClinicalAlertLoss(),
        new ClinicalSinglePointOfFailure(),
        new InternetCredentialGuessing(),
        new RadioPairingSpoofing(),
        new DebugPortPhysicalAccess(),
        new ExtractableClientSecret(),
        new InjectionFromExternalInput(),
        new SensorMeasurementReplay(),
        new ThirdPartyIdentifiability(),
        new HealthDataInNotifications(),
        new UnmonitoredInternetFacingService(),
        new UnpatchedThirdPartySoftware(),
        new ExcessiveDataRetention(),
        new FleetWideCompromise(),
        new UntrustedClinicalInput());
  }
}
