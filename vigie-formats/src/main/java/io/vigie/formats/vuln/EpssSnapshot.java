package io.vigie.formats.vuln;

import io.vigie.core.vuln.EpssScore;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One EPSS daily file: the model version and score date from its {@code #model_version,...}
 * comment line, and the scores.
 */
public record EpssSnapshot(String modelVersion, LocalDate scoreDate, List<EpssScore> scores) {

  public EpssSnapshot {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(scoreDate, "scoreDate");
    scores = List.copyOf(scores);
  }
}
