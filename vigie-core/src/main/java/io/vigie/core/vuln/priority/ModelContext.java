package io.vigie.core.vuln.priority;

import io.vigie.core.model.Component;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.ModelIndex;
import java.util.EnumSet;
import java.util.List;

/**
 * What the device model says of one component, as the prioritiser's {@link MedicalDeviceContext}:
 * the same answers for {@code vigie scan --model} and {@code vigie analyze}, so that one finding
 * gets one priority whichever command computed it.
 */
public final class ModelContext {
  private ModelContext() {}

  /**
   * Reachability from the model's zones and flows; health data if the component stores or
   * processes any; the component's patient-harm severity and clinical function; authentication
   * required only when the component has incoming flows and every one of them authenticates (a
   * component nobody calls in the model is not assumed to be protected).
   */
  public static MedicalDeviceContext of(ModelIndex index, Component component) {
    List<DataFlow> incoming = index.flowsTo(component.id());
    boolean authenticated = !incoming.isEmpty() && incoming.stream().allMatch(f -> f.authentication().isPresent());
    return new MedicalDeviceContext(component.name(), index.reachability(component),
        index.handlesAny(component, EnumSet.of(DataCategory.HEALTH)), component.harmSeverity(),
        component.clinicalFunction().isPresent(), authenticated);
  }
}
