# Synthetic NVD CVE API 2.0 feed for the import benchmark (bench/nvd-import.sh): N records of the
# size and shape of a real yearly feed (~6 KB each: references, two languages, CVSS v3.1 and v2,
# 1-6 bounded cpeMatch criteria, every 7th an AND "running on" configuration, every 50th Rejected).
# Usage: python3 bench/gen_nvd.py N OUT.json
import json, random, sys
random.seed(2026)
n = int(sys.argv[1]); out = sys.argv[2]
vendors = [f"vendor{i}" for i in range(3000)]
def rec(i):
    cid = f"CVE-2023-{10000+i}"
    v = random.choice(vendors); p = f"product{random.randint(0,5)}"
    matches = []
    for k in range(random.randint(1,6)):
        m = {"vulnerable": True, "criteria": f"cpe:2.3:a:{v}:{p}:*:*:*:*:*:*:*:*", "matchCriteriaId": "3C269714-D5AC-465E-B199-C73C99593AFA"}
        m["versionStartIncluding"] = f"{k}.0.0"; m["versionEndExcluding"] = f"{k}.{random.randint(1,9)}.{random.randint(0,20)}"
        matches.append(m)
    configs = [{"nodes":[{"operator":"OR","negate":False,"cpeMatch":matches}]}]
    if i % 7 == 0:
        configs = [{"operator":"AND","nodes":[configs[0]["nodes"][0],{"operator":"OR","negate":False,"cpeMatch":[{"vulnerable":False,"criteria":"cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*","matchCriteriaId":"703AF700-7A70-47E2-BC3A-7FD03B3CA9C1"}]}]}]
    return {"cve":{"id":cid,"sourceIdentifier":"cve@mitre.org","published":"2023-02-24T15:15:32.040","lastModified":"2024-06-17T04:33:48.993",
      "vulnStatus": "Rejected" if i % 50 == 0 else "Analyzed","cveTags":[],
      "descriptions":[{"lang":"en","value":"Synthetic record for an import benchmark. " + "A buffer overflow in a parser allows a remote attacker to cause a denial of service. " * 6},
                      {"lang":"es","value":"Registro sintetico. " * 30}],
      "metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N","baseScore":6.5,"baseSeverity":"MEDIUM","attackVector":"NETWORK","attackComplexity":"LOW","privilegesRequired":"NONE","userInteraction":"REQUIRED","scope":"UNCHANGED","confidentialityImpact":"NONE","integrityImpact":"HIGH","availabilityImpact":"NONE"},"exploitabilityScore":2.8,"impactScore":3.6}],
                 "cvssMetricV2":[{"source":"nvd@nist.gov","type":"Primary","cvssData":{"version":"2.0","vectorString":"AV:N/AC:M/Au:N/C:N/I:P/A:N","baseScore":4.3},"baseSeverity":"MEDIUM","exploitabilityScore":8.6,"impactScore":2.9}]},
      "weaknesses":[{"source":"nvd@nist.gov","type":"Primary","description":[{"lang":"en","value":"CWE-787"}]}],
      "configurations":configs,
      "references":[{"url":f"https://example.org/advisory/{cid}/{r}","source":"cve@mitre.org","tags":["Third Party Advisory","Patch"]} for r in range(25)]}}
with open(out,"w") as f:
    f.write('{"resultsPerPage":%d,"startIndex":0,"totalResults":%d,"format":"NVD_CVE","version":"2.0","timestamp":"2026-11-28T12:00:00.000","vulnerabilities":[' % (n,n))
    for i in range(n):
        if i: f.write(",")
        f.write(json.dumps(rec(i), indent=None))
    f.write("]}")
