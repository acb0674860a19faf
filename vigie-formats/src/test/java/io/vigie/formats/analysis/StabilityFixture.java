package io.vigie.formats.analysis;

/** A small but complete connected-care model: every kind of element, ties on purpose. */
final class StabilityFixture {
  private StabilityFixture() {}

  static final String YAML = """
      vigie: 1
      device: {name: Cardio follow-up, manufacturer: Example SAS, version: 3.1.0, intendedUse: Remote cardiac monitoring}
      actors:
        - {id: patient, kind: patient, uses: [app]}
        - {id: nurse, kind: clinician, uses: [portal]}
      zones:
        - {id: home, trust: patient-home}
        - {id: hds, trust: certified-hosting, certifiedHealthDataHost: true}
        - {id: hospital, trust: hospital-network}
        - {id: sms, trust: third-party}
      assets:
        - {id: ecg, category: health, consent: CONSENT-V2}
        - {id: rhythm, category: health}
        - {id: threshold, category: therapy}
        - {id: phone, category: personal}
      hazards:
        - {id: HAZ-1, title: Missed arrhythmia alert, severity: critical, elements: [alerting]}
        - {id: HAZ-2, title: Wrong threshold, severity: critical, elements: [alerting]}
      components:
        - {id: patch, kind: sensor, zone: home, processes: [ecg, rhythm], harmSeverity: serious, clinicalFunction: records ECG}
        - {id: app, kind: mobile-app, zone: home, processes: [rhythm, ecg, phone]}
        - {id: api, kind: api-service, zone: hds, processes: [ecg, rhythm, threshold]}
        - {id: db, kind: database, zone: hds, stores: [rhythm, ecg, phone, threshold]}
        - {id: alerting, kind: backend-job, zone: hds, processes: [rhythm], clinicalFunction: raises arrhythmia alerts, harmSeverity: critical, hazards: [HAZ-2, HAZ-1]}
        - {id: portal, kind: web-portal, zone: hospital, processes: [ecg, threshold]}
        - {id: texter, kind: third-party-service, zone: sms, processes: [phone, rhythm]}
      flows:
        - {id: ble, from: patch, to: app, protocol: ble, assets: [ecg, rhythm], authentication: ble-bonding, encryption: transport, integrity: transport}
        - {id: upload, from: app, to: api, protocol: https, assets: [rhythm, ecg], authentication: token, authorization: owner-only, encryption: transport, integrity: transport}
        - {id: save, from: api, to: db, protocol: postgresql-tls, assets: [ecg, rhythm, threshold], authentication: certificate, encryption: transport, integrity: transport}
        - {id: analyse, from: db, to: alerting, protocol: https, assets: [rhythm], authentication: mutual-tls, encryption: transport, integrity: transport}
        - {id: settings, from: portal, to: api, kind: command, protocol: https, assets: [threshold], authentication: multi-factor, authorization: role-based, encryption: transport, integrity: transport}
        - {id: notify, from: alerting, to: texter, kind: alert, protocol: https, assets: [phone, rhythm], authentication: api-key, encryption: transport, integrity: transport}
      controls:
        - {id: CTL-B, category: authentication, provides: [authentication, anti-replay], protects: [settings, upload], verification: [{method: test, reference: T2}, {method: pen-test, reference: PT1}]}
        - {id: CTL-A, category: authentication, provides: [anti-replay, message-integrity], protects: [upload, settings]}
        - {id: CTL-C, category: cryptography, provides: [encryption-at-rest, key-management], protects: [db, hds], status: planned}
      acceptances:
        - {threat: health-data-disclosure-in-transit@notify, rationale: minimal data in SMS, acceptedBy: CISO, date: 2026-10-01}
      """;
}
