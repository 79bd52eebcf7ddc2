// The fuzz driver. Built with `-sanitize=fuzzer`, libFuzzer's own (strong) main takes
// over and calls LLVMFuzzerTestOneInput; in a normal build this weak main replays the
// files named on the command line, so the target links and a crash input can be rerun.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((weak)) int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: GripFuzz FILE...  (replays inputs; see docs/fuzzing.md to fuzz)\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { fprintf(stderr, "%s: cannot read\n", argv[i]); return 1; }
        size_t capacity = 1 << 16, size = 0, got;
        uint8_t *buffer = malloc(capacity);
        while (buffer && (got = fread(buffer + size, 1, capacity - size, file)) > 0) {
            size += got;
            if (size == capacity) buffer = realloc(buffer, capacity *= 2);
        }
        fclose(file);
        if (!buffer) { fprintf(stderr, "out of memory\n"); return 1; }
        LLVMFuzzerTestOneInput(buffer, size);
        free(buffer);
        fprintf(stderr, "%s: ok (%zu bytes)\n", argv[i], size);
    }
    return 0;
}
