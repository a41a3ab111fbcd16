-- The articles not analysed yet, by seq, kept by triggers. Migration 7
-- made PendingArticles scan a small index, but from the first article:
-- every batch probed every analysed article before it found the pending
-- ones, so a batch cost time in proportion to the collection (21 ms at
-- 19,000 articles, 82 ms at 60,000) and the analysis of a collection in
-- its square. Here a batch reads only pending rows. The triggers keep
-- the table right whichever statement changes articles or analysis
-- (ResetAnalysis's DELETE fires them row by row: SQLite does not
-- truncate a table that has triggers). Migration 7's analysis_seq index
-- had no other reader and is dropped (articles_seq stays: COUNT(*) reads
-- it as the smallest index of articles).

-- +goose Up
DROP INDEX analysis_seq;
CREATE TABLE pending (seq INTEGER PRIMARY KEY);

INSERT INTO pending (seq)
    SELECT a.seq FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM analysis z WHERE z.article_seq = a.seq);

-- +goose StatementBegin
CREATE TRIGGER pending_article_in AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO pending (seq) VALUES (new.seq);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER pending_article_out AFTER DELETE ON articles BEGIN
    DELETE FROM pending WHERE seq = old.seq;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER pending_analysed AFTER INSERT ON analysis BEGIN
    DELETE FROM pending WHERE seq = new.article_seq;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER pending_unanalysed AFTER DELETE ON analysis BEGIN
    INSERT OR IGNORE INTO pending (seq)
        SELECT old.article_seq WHERE EXISTS (SELECT 1 FROM articles WHERE seq = old.article_seq);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER pending_unanalysed;
DROP TRIGGER pending_analysed;
DROP TRIGGER pending_article_out;
DROP TRIGGER pending_article_in;
DROP TABLE pending;
CREATE INDEX analysis_seq ON analysis (article_seq);
