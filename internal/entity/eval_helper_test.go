package entity

// Evaluate predicts every document and scores the predictions. Alias
// precision is computed over the documents that have gold entity ids
// shared by several mentions.
func Evaluate(docs []EvalDoc) EvalReport {
	return EvaluateErrors(docs, 0)
}
