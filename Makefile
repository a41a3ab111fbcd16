# Build, test and measure Parallax. Each target is one readable command.
GO ?= go

.PHONY: build test test-short fuzz bench eval vet fmt lint

build: ## the binary, ./parallax
	$(GO) build -o parallax ./cmd/parallax

test: ## the full test suite (what CI runs); needs ../shared and chromium
	$(GO) test -count=1 ./...

test-short: ## quick tests, skipping the slower whole-corpus ones
	$(GO) test -short ./...

lint: ## gofmt, vet, staticcheck, errorlint, misspell (what CI runs)
	bash .ci/lint

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

fuzz: ## run each fuzz target for 30s
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg | grep ^Fuzz); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s $$pkg || exit 1; \
	  done; \
	done

bench: build ## end-to-end ingest speed on Reuters-21578, then the Go benchmarks
	./parallax bench
	$(GO) test -run '^$$' -bench . -benchmem ./...

eval: build ## every quality figure quoted in docs/
	./parallax eval extract ../shared/eval/article-extraction
	./parallax eval timex ../shared/eval/tempeval3/TimeBank
	./parallax eval quotes ../shared/eval/polnear/dev
	./parallax eval cluster ../shared/eval/news-clusters
	./parallax eval entities ../shared/eval/ner-en
	./parallax eval entities ../shared/eval/ner-ru
	./parallax eval entities ../shared/eval/ner-uk
	./parallax eval facts ../shared/eval/news-clusters
	./parallax compare eval internal/compare/testdata/disagreements-holdout.json
