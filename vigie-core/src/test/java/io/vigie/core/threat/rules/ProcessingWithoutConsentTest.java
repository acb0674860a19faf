package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Need;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessingWithoutConsentTest {
  private final ProcessingWithoutConsent rule = new ProcessingWithoutConsent();

  private static DataAsset personal(String id, DataCategory category, String legalBasis, String consent) {
    return new DataAsset(id, id, category, Need.HIGH, Need.HIGH, Need.MEDIUM,
        Optional.ofNullable(legalBasis), Optional.ofNullable(consent), "");
  }

  private static ModelBuilder coaching(DataAsset... assets) {
    var b = new ModelBuilder("Diabetes coaching").zone("cloud", TrustLevel.CERTIFIED_HOSTING);
    for (DataAsset a : assets) {
      b.asset(a);
    }
    return b;
  }

  @Test
  void firesOnHealthDataWithoutLegalBasisAndOnConsentThatIsNotRecorded() {
    var model = coaching(
            personal("glucose", DataCategory.HEALTH, null, null),
            personal("email", DataCategory.PERSONAL, "GDPR art. 6(1)(a) consent", null))
        .component("coach", ComponentKind.API_SERVICE, "cloud", c -> c.stores("glucose").processes("email"))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactlyInAnyOrder(List.of("glucose"), List.of("email"));
    assertThat(findings).extracting(Finding::description)
        .anyMatch(d -> d.contains("neither a legal basis nor a consent record"))
        .anyMatch(d -> d.contains("no consent record is declared"));
  }

  @Test
  void doesNotFireWhenConsentIsRecordedOrTheBasisIsCareProvisionOrNobodyHandlesTheData() {
    var model = coaching(
            personal("glucose", DataCategory.HEALTH, "GDPR art. 9(2)(a) consent", "in-app consent v3"),
            personal("record", DataCategory.HEALTH, "GDPR art. 9(2)(h) provision of care", null),
            personal("legacy", DataCategory.HEALTH, null, null))
        .component("coach", ComponentKind.API_SERVICE, "cloud", c -> c.stores("glucose", "record"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
