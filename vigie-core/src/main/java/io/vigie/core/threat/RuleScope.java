package io.vigie.core.threat;

import io.vigie.core.model.Component;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.ModelIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The places of a model a rule looks at: every component, flow and asset (a whole analysis), or
 * only those of a set of IDs (the re-analysis of the part of a model a change can reach, see
 * {@code io.vigie.core.analysis.ChangeScope}). Rules iterate the places through it; what they read
 * around a place (its zone, its flows, their other ends, the assets they name) is read from the
 * whole model as usual, so a finding at a place in scope is the finding a whole analysis makes.
 */
public final class RuleScope {
  private static final RuleScope ALL = new RuleScope(Optional.empty());

  private final Optional<Set<String>> ids;

  private RuleScope(Optional<Set<String>> ids) {
    this.ids = ids;
  }

  /** Every component, flow and asset of the model. */
  public static RuleScope all() {
    return ALL;
  }

  /** Only the components, flows and assets with these IDs. */
  public static RuleScope only(Set<String> ids) {
    return new RuleScope(Optional.of(Set.copyOf(ids)));
  }

  public boolean isAll() {
    return ids.isEmpty();
  }

  /** The components in scope, in model order. */
  public List<Component> components(ModelIndex model) {
    return ids.isEmpty() ? model.model().components() : filter(model.model().components(), ids.get(), Component::id);
  }

  /** The flows in scope, in model order. */
  public List<DataFlow> flows(ModelIndex model) {
    return ids.isEmpty() ? model.model().flows() : filter(model.model().flows(), ids.get(), DataFlow::id);
  }

  /** The assets in scope, in model order. */
  public List<DataAsset> assets(ModelIndex model) {
    return ids.isEmpty() ? model.model().assets() : filter(model.model().assets(), ids.get(), DataAsset::id);
  }

  private static <T> List<T> filter(List<T> items, Set<String> in, java.util.function.Function<T, String> id) {
    return items.stream().filter(x -> in.contains(id.apply(x))).toList();
  }
}
