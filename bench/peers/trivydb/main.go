// Command trivydb writes a Trivy vulnerability database (schema 2, a BoltDB file) from OSV
// archives, so that Trivy and Vigie can be compared on exactly the same advisories.
//
// Why not the trivy-db tool itself: it reads a vuln-list checkout, and its go.mod asks for Go 1.23
// while Debian here has 1.19. This program writes the same layout Trivy reads for
// language packages, with the conversion trivy-db documents for OSV:
//   - bucket "<ecosystem>::<data source name>" / package name / vulnerability ID -> advisory JSON
//     {"VendorIDs", "VulnerableVersions", "PatchedVersions"};
//   - the vulnerability ID is each CVE among the ID and its aliases, else the OSV ID;
//   - each "introduced" starts a range, "fixed" closes it with "<", "last_affected" with "<=";
//     "introduced: 0" leaves the lower bound out; GIT ranges are skipped; explicit "versions"
//     not already in a range become "=V";
//   - withdrawn records are skipped; PyPI names are lower-cased with "_" and "." as "-";
//   - bucket "data-source" names each bucket's source, bucket "vulnerability" holds the title.
//
// Usage: trivydb OUT_DIR OSV.zip|DIR... ; writes OUT_DIR/db/trivy.db and OUT_DIR/db/metadata.json.
package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

type event struct {
	Introduced   string `json:"introduced"`
	Fixed        string `json:"fixed"`
	LastAffected string `json:"last_affected"`
}

type osvRecord struct {
	ID        string   `json:"id"`
	Aliases   []string `json:"aliases"`
	Summary   string   `json:"summary"`
	Withdrawn string   `json:"withdrawn"`
	Affected  []struct {
		Package struct {
			Ecosystem string `json:"ecosystem"`
			Name      string `json:"name"`
		} `json:"package"`
		Ranges []struct {
			Type   string  `json:"type"`
			Events []event `json:"events"`
		} `json:"ranges"`
		Versions []string `json:"versions"`
	} `json:"affected"`
}

type dataSource struct {
	ID   string `json:"ID"`
	Name string `json:"Name"`
	URL  string `json:"URL"`
}

// The ecosystems Trivy matches SBOM components against, with the data source trivy-db names.
var ecosystems = map[string]struct {
	trivy  string
	source dataSource
}{
	"pypi":      {"pip", dataSource{"osv", "Python Packaging Advisory Database", "https://github.com/pypa/advisory-db"}},
	"go":        {"go", dataSource{"govulndb", "The Go Vulnerability Database", "https://pkg.go.dev/vuln/"}},
	"crates.io": {"cargo", dataSource{"osv", "RustSec Advisory Database", "https://github.com/RustSec/advisory-db"}},
	"npm":       {"npm", dataSource{"ghsa", "GitHub Security Advisory npm", "https://github.com/advisories"}},
	"maven":     {"maven", dataSource{"ghsa", "GitHub Security Advisory Maven", "https://github.com/advisories"}},
}

type advisory struct {
	VendorIDs          []string `json:",omitempty"`
	VulnerableVersions []string `json:",omitempty"`
	PatchedVersions    []string `json:",omitempty"`
}

type key struct{ bucket, pkg, id string }

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: trivydb OUT_DIR OSV.zip|DIR...")
		os.Exit(2)
	}
	advisories := map[key]*advisory{}
	titles := map[string]string{}
	sources := map[string]dataSource{}
	records, skipped := 0, 0
	for _, in := range os.Args[2:] {
		err := eachRecord(in, func(name string, r osvRecord) {
			records++
			if r.Withdrawn != "" {
				skipped++
				return
			}
			ids, aliases := groupIDs(r.ID, r.Aliases)
			for _, a := range r.Affected {
				eco, ok := ecosystems[strings.ToLower(a.Package.Ecosystem)]
				if !ok {
					continue
				}
				bucket := eco.trivy + "::" + eco.source.Name
				sources[bucket] = eco.source
				pkg := a.Package.Name
				if eco.trivy == "pip" {
					pkg = strings.NewReplacer("_", "-", ".", "-").Replace(strings.ToLower(pkg))
				}
				vulnerable, patched := ranges(a.Ranges, a.Versions)
				for _, id := range ids {
					k := key{bucket, pkg, id}
					adv, seen := advisories[k]
					if !seen {
						adv = &advisory{VendorIDs: aliases}
						advisories[k] = adv
					}
					adv.VulnerableVersions = append(adv.VulnerableVersions, vulnerable...)
					adv.PatchedVersions = append(adv.PatchedVersions, patched...)
					if _, ok := titles[id]; !ok {
						titles[id] = r.Summary
					}
				}
			}
		})
		if err != nil {
			fmt.Fprintf(os.Stderr, "trivydb: %s: %v\n", in, err)
			os.Exit(2)
		}
	}
	dir := filepath.Join(os.Args[1], "db")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	path := filepath.Join(dir, "trivy.db")
	_ = os.Remove(path)
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		fail(err)
	}
	keys := make([]key, 0, len(advisories))
	for k := range advisories {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.bucket != b.bucket {
			return a.bucket < b.bucket
		}
		if a.pkg != b.pkg {
			return a.pkg < b.pkg
		}
		return a.id < b.id
	})
	err = db.Update(func(tx *bolt.Tx) error {
		ds, err := tx.CreateBucketIfNotExists([]byte("data-source"))
		if err != nil {
			return err
		}
		for b, s := range sources {
			if err := putJSON(ds, b, s); err != nil {
				return err
			}
		}
		for _, k := range keys {
			root, err := tx.CreateBucketIfNotExists([]byte(k.bucket))
			if err != nil {
				return err
			}
			pkg, err := root.CreateBucketIfNotExists([]byte(k.pkg))
			if err != nil {
				return err
			}
			if err := putJSON(pkg, k.id, advisories[k]); err != nil {
				return err
			}
		}
		vulns, err := tx.CreateBucketIfNotExists([]byte("vulnerability"))
		if err != nil {
			return err
		}
		for id, title := range titles {
			if err := putJSON(vulns, id, map[string]string{"Title": title}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		fail(err)
	}
	if err := db.Close(); err != nil {
		fail(err)
	}
	now := time.Now().UTC()
	meta, _ := json.Marshal(map[string]interface{}{
		"Version": 2, "NextUpdate": now.Add(24 * time.Hour), "UpdatedAt": now, "DownloadedAt": now,
	})
	if err := os.WriteFile(filepath.Join(dir, "metadata.json"), meta, 0o644); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "trivydb: %d records (%d withdrawn, skipped), %d advisories in %d buckets -> %s\n",
		records, skipped, len(advisories), len(sources), path)
}

// groupIDs keys an advisory by each CVE among the ID and its aliases, as trivy-db does; the
// other IDs become vendor IDs.
func groupIDs(id string, aliases []string) ([]string, []string) {
	var cves, others []string
	for _, a := range append(append([]string{}, aliases...), id) {
		if strings.HasPrefix(a, "CVE-") {
			cves = append(cves, a)
		} else {
			others = append(others, a)
		}
	}
	if len(cves) == 0 {
		return []string{id}, aliases
	}
	return cves, others
}

type span struct {
	from, to   string
	toIncluded bool
}

func (s span) String() string {
	if s.toIncluded && s.from == s.to {
		return "=" + s.from
	}
	upper := ""
	if s.to != "" {
		upper = "<" + s.to
		if s.toIncluded {
			upper = "<=" + s.to
		}
	}
	switch {
	case upper == "":
		return ">=" + s.from
	case s.from == "0":
		return upper
	default:
		return ">=" + s.from + ", " + upper
	}
}

func ranges(rs []struct {
	Type   string  `json:"type"`
	Events []event `json:"events"`
}, versions []string) ([]string, []string) {
	var spans []span
	var patched, vulnerable []string
	for _, r := range rs {
		if r.Type == "GIT" {
			continue
		}
		idx := -1
		for _, e := range r.Events {
			switch {
			case e.Introduced != "":
				spans = append(spans, span{from: e.Introduced})
				idx = len(spans) - 1
			case e.Fixed != "" && idx >= 0:
				spans[idx].to, spans[idx].toIncluded = e.Fixed, false
				patched = append(patched, e.Fixed)
			case e.LastAffected != "" && idx >= 0:
				spans[idx].to, spans[idx].toIncluded = e.LastAffected, true
			}
		}
	}
	for _, s := range spans {
		vulnerable = append(vulnerable, s.String())
	}
	// trivy-db leaves out listed versions a range already holds; that needs a version comparer
	// per ecosystem, which this program does not have, so it keeps them all: the constraints
	// are alternatives, and an "=V" inside a range changes no match.
	for _, v := range versions {
		vulnerable = append(vulnerable, "="+v)
	}
	return vulnerable, patched
}

func eachRecord(in string, fn func(string, osvRecord)) error {
	info, err := os.Stat(in)
	if err != nil {
		return err
	}
	if info.IsDir() {
		entries, err := os.ReadDir(in)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(in, e.Name()))
			if err != nil {
				return err
			}
			if err := decode(e.Name(), b, fn); err != nil {
				return err
			}
		}
		return nil
	}
	z, err := zip.OpenReader(in)
	if err != nil {
		return err
	}
	defer z.Close()
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if err := decode(f.Name, b, fn); err != nil {
			return err
		}
	}
	return nil
}

func decode(name string, b []byte, fn func(string, osvRecord)) error {
	var r osvRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	fn(name, r)
	return nil
}

func putJSON(b *bolt.Bucket, k string, v interface{}) error {
	j, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(k), j)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "trivydb:", err)
	os.Exit(3)
}
