package io.vigie.formats.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Reads a VEX document in any of the three formats, recognised by content: {@code bomFormat}
 * "CycloneDX" → CycloneDX VEX; an {@code @context} of openvex.dev → OpenVEX; a {@code
 * document.csaf_version} → CSAF VEX. Anything else is refused with the three shapes named.
 */
public final class VexReader {
  private final CycloneDxVexReader cyclonedx = new CycloneDxVexReader();
  private final OpenVexReader openvex = new OpenVexReader();
  private final CsafVexReader csaf = new CsafVexReader();

  public VexDocument read(Path file, VexImport context) {
    byte[] bytes = VexJson.read(file);
    String source = file.toString();
    return switch (detect(bytes, source)) {
      case CYCLONEDX -> cyclonedx.read(bytes, source, context);
      case OPENVEX -> openvex.read(bytes, source, context);
      case CSAF -> csaf.read(bytes, source, context);
    };
  }

  public static VexFormat detect(byte[] bytes, String source) {
    JsonNode root = VexJson.tree(bytes, source);
    if (root.has("bomFormat")) {
      return VexFormat.CYCLONEDX;
    }
    if (root.path("@context").asText().startsWith(OpenVexReader.CONTEXT_PREFIX)) {
      return VexFormat.OPENVEX;
    }
    if (root.path("document").has("csaf_version")) {
      return VexFormat.CSAF;
    }
    throw VexJson.fail(source, "", "not a VEX document Vigie knows: expected CycloneDX (bomFormat), OpenVEX "
        + "(@context https://openvex.dev/ns/v0.2.0) or CSAF VEX (document.csaf_version, category csaf_vex)");
  }
}
