package io.vigie.store.vuln;

/**
 * What NVD data the database holds: CVE records (of which {@code rejected} are marked Rejected and
 * never matched) and their cpeMatch criteria ({@code vulnerableCriteria} of them naming a
 * vulnerable product).
 */
public record NvdStatus(long records, long rejected, long criteria, long vulnerableCriteria) {}
