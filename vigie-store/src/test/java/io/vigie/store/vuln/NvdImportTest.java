package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.cpe.NvdCve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvdImportTest {
  @TempDir Path dataDir;
  @TempDir Path tmp;

  /** The NVD fixtures live in vigie-formats' test resources (see their README). */
  static Path fixture(String name) {
    Path p = Path.of(System.getProperty("vigie.repo.root")).resolve("vigie-formats/src/test/resources/nvd").resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("NVD fixture missing: " + p);
    }
    return p;
  }

  @Test
  void importsTheFixturesIndexesCriteriaByVendorAndProductAndCountsThem() {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dataDir)) {
      ImportResult r = db.importNvd(ImportListener.silent(), fixture("medical-device-real.json"), fixture("medical-device-traps.json"));
      assertThat(r.records()).isEqualTo(10);
      assertThat(r.skipped()).isZero();
      assertThat(r.imports()).extracting(ImportRecord::source).containsExactly("nvd", "nvd");

      assertThat(db.nvdCandidates("wolfssl", "wolfssl")).extracting(NvdCve::id).containsExactly(
          "CVE-2021-37155", "CVE-2021-38597", "CVE-2021-44718", "CVE-2022-25638", "CVE-2099-0002", "CVE-2099-0005");
      assertThat(db.nvdCandidates("wolfssl", "wolfmqtt")).extracting(NvdCve::id).containsExactly("CVE-2099-0001");
      assertThat(db.nvdCandidates("qualcomm", "atheros_qca9563")).as("a platform-only criterion is no candidate").isEmpty();
      assertThat(db.nvdCandidates("nxp", "nxp_sdk")).isEmpty();

      NvdCve rebuilt = db.nvdCandidates("wolfssl", "wolfssl").get(3);
      assertThat(rebuilt.source()).isEqualTo("medical-device-real.json");
      assertThat(rebuilt.configurations().get(0).nodes().get(0).cpeMatch().get(0).versionEndExcluding()).contains("5.2.0");
      assertThat(db.nvdStatus()).isEqualTo(new NvdStatus(10, 1, 12, 10));
      assertThat(db.status().latestImports()).extracting(ImportRecord::source).contains("nvd");
    }
  }

  @Test
  void reimportingIsIdempotentAndANewerLastModifiedWins() throws IOException {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dataDir)) {
      db.importNvd(ImportListener.silent(), fixture("medical-device-real.json"));
      db.importNvd(ImportListener.silent(), fixture("medical-device-real.json"));
      assertThat(db.nvdStatus()).isEqualTo(new NvdStatus(5, 0, 5, 5));

      // An older copy of CVE-2022-25638 (last month's feed) is left out; a newer, rejected one replaces it.
      String real = Files.readString(fixture("medical-device-real.json"));
      Path older = tmp.resolve("older.json");
      Files.writeString(older, real.replace("2026-06-17T04:33:48.993", "2020-01-01T00:00:00.000"));
      ImportResult r = db.importNvd(ImportListener.silent(), older);
      assertThat(r.unchanged()).isEqualTo(1);
      assertThat(db.nvdStatus().rejected()).isZero();

      Path rejected = tmp.resolve("rejected.json");
      Files.writeString(rejected, real.replace("2026-06-17T04:33:48.993\",\n    \"vulnStatus\": \"Modified\"",
          "2026-12-01T00:00:00.000\",\n    \"vulnStatus\": \"Rejected\""));
      db.importNvd(ImportListener.silent(), rejected);
      assertThat(db.nvdStatus()).isEqualTo(new NvdStatus(5, 1, 5, 5));
      assertThat(db.nvdCandidates("wolfssl", "wolfssl")).filteredOn(NvdCve::isRejected).extracting(NvdCve::id)
          .containsExactly("CVE-2022-25638");
    }
  }

  @Test
  void aDamagedFileAnywhereInTheBatchChangesNothing() throws IOException {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dataDir)) {
      db.importNvd(ImportListener.silent(), fixture("medical-device-real.json"));
      int importsBefore = db.status().latestImports().size();
      String traps = Files.readString(fixture("medical-device-traps.json"));
      Path truncated = tmp.resolve("nvdcve-2.0-2099.json");
      Files.writeString(truncated, traps.substring(0, traps.length() - 200));

      assertThatThrownBy(() -> db.importNvd(ImportListener.silent(), fixture("medical-device-traps.json"), truncated))
          .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(truncated.toString());
      assertThat(db.nvdStatus()).isEqualTo(new NvdStatus(5, 0, 5, 5));
      assertThat(db.nvdCandidates("wolfssl", "wolfmqtt")).isEmpty();
      assertThat(db.status().latestImports()).hasSize(importsBefore);
    }
  }
}
