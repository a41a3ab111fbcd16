-- Small indexes for PendingArticles, which the analysis asks for every
-- batch: the articles not yet analysed, in store order. Read through the
-- tables themselves, the question read every stored article's row and its
-- analysis row (a page or more each) once per batch, so the analysis of a
-- collection cost time in the square of its size. An index on a rowid
-- holds the rowid alone: scanning articles_seq and probing analysis_seq
-- reads a few pages per thousand articles.

-- +goose Up
CREATE INDEX articles_seq ON articles (seq);
CREATE INDEX analysis_seq ON analysis (article_seq);

-- +goose Down
DROP INDEX analysis_seq;
DROP INDEX articles_seq;
