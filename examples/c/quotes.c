/* Prints each quote of an article as `speaker: quote`, the speaker by resolved name.
 *
 *     cc quotes.c $(pkg-config --cflags --libs newsparse) -o quotes
 *     ./quotes article.txt
 *
 * Exits 1 with a message on stderr when the file cannot be read or newsparse fails (for
 * example on text that is not UTF-8). */
#include <stdio.h>
#include <stdlib.h>

#include "newsparse.h"

/* Reads a whole file into a malloc'd buffer; NULL on failure. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            char *grown = realloc(buf, cap * 2 + 65536);
            if (grown == NULL) break;
            buf = grown;
            cap = cap * 2 + 65536;
        }
        n += got = fread(buf + n, 1, cap - n, f);
    } while (got > 0);
    if (n == cap || ferror(f)) { /* out of memory, or a read error */
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Prints a string view: pointer and length, so embedded NUL bytes are no problem. */
static void print_str(newsparse_str s) { fwrite(s.data, 1, s.len, stdout); }

static int fail(const char *what, newsparse_status status) {
    fprintf(stderr, "quotes: %s: %s (%s)\n", what, newsparse_status_message(status),
            newsparse_last_error());
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ARTICLE\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *text = read_file(argv[1], &len);
    if (text == NULL) {
        perror(argv[1]);
        return 1;
    }
    newsparse_extractor *extractor = NULL;
    newsparse_document *doc = NULL;
    newsparse_status status = newsparse_extractor_new(&extractor);
    if (status == NEWSPARSE_STATUS_OK) {
        status = newsparse_extractor_parse(extractor, (const uint8_t *)text, len, &doc);
    }
    free(text); /* the document keeps its own copy */
    if (status != NEWSPARSE_STATUS_OK) {
        newsparse_extractor_free(extractor);
        return fail(argv[1], status);
    }
    for (size_t i = 0; i < newsparse_document_quote_count(doc); i++) {
        newsparse_quote q;
        if ((status = newsparse_document_quote(doc, i, &q)) != NEWSPARSE_STATUS_OK) break;
        if (q.speaker_name.data != NULL) {
            print_str(q.speaker_name);
        } else if (q.speaker_text.data != NULL) {
            print_str(q.speaker_text);
        } else {
            fputs("(unknown)", stdout);
        }
        fputs(": ", stdout);
        print_str(q.content_text);
        putchar('\n');
    }
    newsparse_document_free(doc);
    newsparse_extractor_free(extractor);
    return status == NEWSPARSE_STATUS_OK ? 0 : fail("reading a quote", status);
}
