// A registry that serves the OCI 1.1 referrers API (GET /v2/<name>/referrers/<digest>), for the
// tests of what is attached to an image (signatures, attestations). go-containerregistry's
// registry stores manifests in memory and blobs on disk; the referrers answer is made here, from
// the manifests with a subject that were pushed, because that registry reports each referrer's
// config media type where the spec asks for its artifactType. Started by scripts/test-env.sh, it
// lives as long as the test machine.
//
//	referrers-registry ADDR BLOB_DIR
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/google/go-containerregistry/pkg/registry"
)

type descriptor struct {
	MediaType    string            `json:"mediaType"`
	Digest       string            `json:"digest"`
	Size         int64             `json:"size"`
	ArtifactType string            `json:"artifactType,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
}

type manifest struct {
	MediaType    string            `json:"mediaType"`
	ArtifactType string            `json:"artifactType"`
	Config       *descriptor       `json:"config"`
	Subject      *descriptor       `json:"subject"`
	Annotations  map[string]string `json:"annotations"`
}

var (
	manifestPath  = regexp.MustCompile(`^/v2/(.+)/manifests/([^/]+)$`)
	referrersPath = regexp.MustCompile(`^/v2/(.+)/referrers/(sha256:[0-9a-f]{64})$`)
)

type referrers struct {
	mu   sync.Mutex
	byID map[string][]descriptor // repository@subject-digest → referrers
	next http.Handler
}

func (r *referrers) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if m := referrersPath.FindStringSubmatch(req.URL.Path); m != nil && req.Method == http.MethodGet {
		r.answer(w, req, m[1]+"@"+m[2])
		return
	}
	if m := manifestPath.FindStringSubmatch(req.URL.Path); m != nil && req.Method == http.MethodPut {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		var mf manifest
		if json.Unmarshal(body, &mf) == nil && mf.Subject != nil {
			// What a registry that keeps referrers answers, so clients use the API and no fallback tag.
			w.Header().Set("OCI-Subject", mf.Subject.Digest)
		}
		rec := &recorder{ResponseWriter: w}
		r.next.ServeHTTP(rec, req)
		if rec.status == http.StatusCreated {
			r.remember(m[1], req.Header.Get("Content-Type"), body)
		}
		return
	}
	r.next.ServeHTTP(w, req)
}

func (r *referrers) remember(repo, contentType string, body []byte) {
	var mf manifest
	if json.Unmarshal(body, &mf) != nil || mf.Subject == nil {
		return
	}
	sum := sha256.Sum256(body)
	d := descriptor{MediaType: contentType, Digest: "sha256:" + hex.EncodeToString(sum[:]), Size: int64(len(body)),
		ArtifactType: mf.ArtifactType, Annotations: mf.Annotations}
	if mf.MediaType != "" {
		d.MediaType = mf.MediaType
	}
	if d.ArtifactType == "" && mf.Config != nil {
		d.ArtifactType = mf.Config.MediaType
	}
	key := repo + "@" + mf.Subject.Digest
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, old := range r.byID[key] {
		if old.Digest == d.Digest {
			return
		}
	}
	r.byID[key] = append(r.byID[key], d)
}

func (r *referrers) answer(w http.ResponseWriter, req *http.Request, key string) {
	filter := req.URL.Query().Get("artifactType")
	r.mu.Lock()
	list := []descriptor{}
	for _, d := range r.byID[key] {
		if filter == "" || d.ArtifactType == filter {
			list = append(list, d)
		}
	}
	r.mu.Unlock()
	w.Header().Set("Content-Type", "application/vnd.oci.image.index.v1+json")
	if filter != "" {
		w.Header().Set("OCI-Filters-Applied", "artifactType")
	}
	_ = json.NewEncoder(w).Encode(map[string]any{
		"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": list,
	})
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: referrers-registry ADDR BLOB_DIR")
	}
	if err := os.MkdirAll(os.Args[2], 0o700); err != nil {
		log.Fatal(err)
	}
	quiet := log.New(io.Discard, "", 0)
	if strings.EqualFold(os.Getenv("REFERRERS_REGISTRY_LOG"), "true") {
		quiet = log.New(os.Stderr, "", log.LstdFlags)
	}
	next := registry.New(registry.WithBlobHandler(registry.NewDiskBlobHandler(os.Args[2])), registry.Logger(quiet))
	log.Fatal(http.ListenAndServe(os.Args[1], &referrers{byID: map[string][]descriptor{}, next: next}))
}
