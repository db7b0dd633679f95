/* C tests of the newsparse C API. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsparse.h"

static bool test_parse_json_finds_quote(void) {
    const char *text = "\"We need guarantees,\" said Patrick Turner.";
    char *json = NULL;
    NewsparseStatus st = newsparse_parse_json((const uint8_t *)text, strlen(text), &json);
    bool ok = st == NEWSPARSE_STATUS_OK && json != NULL && strstr(json, "\"Patrick Turner\"") != NULL;
    newsparse_string_free(json);
    return ok;
}

static bool test_invalid_utf8_is_an_error(void) {
    const char text[] = {'a', (char)0xff, 'b'};
    char *json = NULL;
    NewsparseStatus st = newsparse_parse_json((const uint8_t *)text, sizeof text, &json);
    return st == NEWSPARSE_STATUS_INVALID_UTF8 && json == NULL;
}

static bool test_null_out_is_an_error(void) {
    return newsparse_parse_json((const uint8_t *)"x", 1, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER;
}

static int run_test(bool (*test)(void), const char *name) {
    bool ok = test();
    printf("%s ... %s\n", name, ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}

int main(void) {
    int failed = 0;
    failed += run_test(test_parse_json_finds_quote, "test_parse_json_finds_quote");
    failed += run_test(test_invalid_utf8_is_an_error, "test_invalid_utf8_is_an_error");
    failed += run_test(test_null_out_is_an_error, "test_null_out_is_an_error");
    printf("%d passed, %d failed\n", 3 - failed, failed);
    return failed ? 1 : 0;
}
