package io.vigie.core.vuln.match;

/** A component that could not be checked, and why: it is not reported as free of vulnerabilities. */
public record NotChecked(String componentRef, String componentName, String reason) {}
