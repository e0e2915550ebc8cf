/* kgraph/conllu.h: CoNLL-U in and out, the interchange format of every text
 * stage (https://universaldependencies.org/format.html).
 *
 * Output: one "# newdoc id" per document; per sentence "# sent_id",
 * "# text" (the original text, white space runs as single spaces) and, for
 * sentences that are not body text, "# kind"; per word the ten columns,
 * with the byte offsets in the original input in MISC as
 * "TokenRange=START:END" (UDPipe's convention) and "SpaceAfter=No".  Words
 * joined by KgToken.joins_next get a multiword-token line ("3-4 don't")
 * with their joined forms, the whole range and SpaceAfter.
 *
 * Input: word lines (multiword-token lines give the text of their words,
 * which are marked joins_next and get their own offsets when their forms
 * spell the token; empty nodes are skipped); a new document at each
 * "# newdoc", and the original text rebuilt from the forms and
 * SpaceAfter=No, which is what the offsets of the read tokens point into.
 */
#ifndef KGRAPH_CONLLU_H
#define KGRAPH_CONLLU_H

#include <kgraph/document.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Reads path ("-" for standard input) into documents, with every column
 * kept on the tokens (LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL).  Fails with
 * KG_ERROR_INPUT naming the file and line of the first malformed line.
 * (transfer full): a GPtrArray of KgDocument that frees them */
GPtrArray *kg_conllu_read (const char *path, GError **error);
/* The same for bytes already read; name stands for the file in messages. */
GPtrArray *kg_conllu_read_bytes (const char *name, GBytes *bytes, GError **error);

/* Writes document as CoNLL-U; sentence ids are "DOCID-N", N from 1. */
void kg_conllu_write (const KgDocument *document, GString *out);

G_END_DECLS

#endif
