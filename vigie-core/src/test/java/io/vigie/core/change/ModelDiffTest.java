package io.vigie.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.TrustLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDiffTest {
  private static ModelBuilder base() {
    return new ModelBuilder("x")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.CERTIFIED_HOSTING)
        .asset("vitals", DataCategory.HEALTH)
        .asset("phone", DataCategory.PERSONAL);
  }

  @Test
  void anUnchangedModelHasNoChangeEvenWhenItsListsAreReordered() {
    var a = base().component("app", ComponentKind.MOBILE_APP, "home", c -> c.processes("vitals", "phone"))
        .component("api", ComponentKind.API_SERVICE, "cloud").build();
    var b = base().component("api", ComponentKind.API_SERVICE, "cloud")
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.processes("phone", "vitals")).build();

    assertThat(ModelDiff.between(a, b)).isEmpty();
  }

  @Test
  void reportsAddedRemovedAndChangedElementsFieldByField() {
    var a = base().component("app", ComponentKind.MOBILE_APP, "home").component("api", ComponentKind.API_SERVICE, "cloud")
        .flow("upload", "app", "api", f -> f.assets("vitals")).build();
    var b = base().component("app", ComponentKind.MOBILE_APP, "home").component("db", ComponentKind.DATABASE, "cloud")
        .flow("upload", "app", "db", f -> f.assets("vitals").encryption(Encryption.NONE)).build();

    List<ElementChange> changes = ModelDiff.between(a, b);

    assertThat(changes).extracting(ElementChange::kind, ElementChange::id, ElementChange::type).containsExactly(
        org.assertj.core.groups.Tuple.tuple("component", "api", ChangeType.REMOVED),
        org.assertj.core.groups.Tuple.tuple("component", "db", ChangeType.ADDED),
        org.assertj.core.groups.Tuple.tuple("flow", "upload", ChangeType.CHANGED));
    assertThat(changes.get(2).fields()).containsExactly(
        new FieldChange("to", "api", "db"), new FieldChange("encryption", "transport", "none"));
  }

  @Test
  void aRenamedElementWithTheSameIdIsAFieldChangeNotARemovalAndAnAddition() {
    var a = base().component("api", ComponentKind.API_SERVICE, "cloud", c -> c.name("Patient API")).build();
    var b = base().component("api", ComponentKind.API_SERVICE, "cloud", c -> c.name("Follow-up API")).build();

    assertThat(ModelDiff.between(a, b)).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo(ChangeType.CHANGED);
      assertThat(c.fields()).containsExactly(new FieldChange("name", "Patient API", "Follow-up API"));
    });
  }
}
