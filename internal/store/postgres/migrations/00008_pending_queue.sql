-- The articles not analysed yet, by seq, kept by triggers. PendingArticles
-- asked for the first articles without an analysis row in seq order,
-- which the server answers by walking every analysed article first: a
-- batch cost time in proportion to the collection, the analysis its
-- square. Here a batch reads only pending rows. The triggers keep the
-- table right whichever statement changes articles or analysis
-- (ResetAnalysis deletes row by row; nothing truncates these tables).

-- +goose Up
CREATE TABLE pending (seq bigint PRIMARY KEY);

INSERT INTO pending (seq)
    SELECT a.seq FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM analysis z WHERE z.article_seq = a.seq);

-- +goose StatementBegin
CREATE FUNCTION pending_article_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pending (seq) VALUES (NEW.seq) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION pending_article_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM pending WHERE seq = OLD.seq;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION pending_analysed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM pending WHERE seq = NEW.article_seq;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION pending_unanalysed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pending (seq)
        SELECT OLD.article_seq WHERE EXISTS (SELECT 1 FROM articles WHERE seq = OLD.article_seq)
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER pending_article_in AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION pending_article_in();
CREATE TRIGGER pending_article_out AFTER DELETE ON articles FOR EACH ROW EXECUTE FUNCTION pending_article_out();
CREATE TRIGGER pending_analysed AFTER INSERT ON analysis FOR EACH ROW EXECUTE FUNCTION pending_analysed();
CREATE TRIGGER pending_unanalysed AFTER DELETE ON analysis FOR EACH ROW EXECUTE FUNCTION pending_unanalysed();

-- +goose Down
DROP TRIGGER pending_unanalysed ON analysis;
DROP TRIGGER pending_analysed ON analysis;
DROP TRIGGER pending_article_out ON articles;
DROP TRIGGER pending_article_in ON articles;
DROP FUNCTION pending_unanalysed();
DROP FUNCTION pending_analysed();
DROP FUNCTION pending_article_out();
DROP FUNCTION pending_article_in();
DROP TABLE pending;
