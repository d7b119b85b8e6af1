#!/bin/sh
# Regenerates the compressed inputs of this directory, written by other producers than ours:
# Arrow C++ (through pyarrow) for whole IPC streams, and the reference LZ4 and Zstandard command
# line tools for bare frames. Needs pyarrow, lz4 and zstd; run it from this directory.
# The tests compare them with the uncompressed stream written beside them, or with contents
# they recompute in Java. The committed files came from pyarrow 25.0.1, lz4 1.9.4 and zstd 1.5.4.
set -eu

python3 - <<'PY'
import datetime, decimal
import pyarrow as pa
import pyarrow.ipc as ipc

n = 5
def nulls(values):  # the last row of every column is null
    return [None if i == n - 1 else v for i, v in enumerate(values)]

def col(values, type):
    return pa.array(nulls(values), type)

table = pa.table({
    "i8": col([-128, 0, 1, 127, 0], pa.int8()),
    "i16": col([-32768, 0, 1, 32767, 0], pa.int16()),
    "i32": col([-(2**31), 0, 1, 2**31 - 1, 0], pa.int32()),
    "i64": col([-(2**63), -1, 0, 2**63 - 1, 0], pa.int64()),
    "u8": col([0, 1, 128, 255, 0], pa.uint8()),
    "u16": col([0, 1, 2**15, 2**16 - 1, 0], pa.uint16()),
    "u32": col([0, 1, 2**31, 2**32 - 1, 0], pa.uint32()),
    "u64": col([0, 1, 2**63, 2**64 - 1, 0], pa.uint64()),
    "f32": col([0.5, -1.25, 3.4e38, -0.0, 0], pa.float32()),
    "f64": col([0.5, -1.25, 1e300, float("nan"), 0], pa.float64()),
    "d128": col([decimal.Decimal("12345678901234567890.123456"), decimal.Decimal("-1.000001"),
                 decimal.Decimal("0"), decimal.Decimal("99.5"), 0], pa.decimal128(38, 6)),
    "d256": col([decimal.Decimal("1" * 60 + ".25"), decimal.Decimal("-0.01"), decimal.Decimal("0"),
                 decimal.Decimal("7"), 0], pa.decimal256(76, 2)),
    "flag": col([True, False, True, True, False], pa.bool_()),
    "utf8": col(["", "Zürich ☃", "a" * 100, "line\nbreak", ""], pa.string()),
    "large_utf8": col(["x", "日本語", "b" * 70, "", ""], pa.large_string()),
    "utf8_view": col(["short", "a string longer than twelve bytes", "", "☃☃☃☃☃", ""], pa.string_view()),
    "binary": col([b"", b"\x00\xff", b"xyz" * 10, b"\x7f", b""], pa.binary()),
    "large_binary": col([b"\x01", b"", b"q" * 40, b"\x00", b""], pa.large_binary()),
    "binary_view": col([b"\x00" * 3, b"\xfe" * 20, b"", b"v", b""], pa.binary_view()),
    "fixed": col([b"abcd", b"\x00\x00\x00\x00", b"\xff\xfe\xfd\xfc", b"wxyz", b"    "], pa.binary(4)),
    "date32": col([datetime.date(1969, 12, 31), datetime.date(2024, 2, 29), datetime.date(1, 1, 1),
                   datetime.date(9999, 12, 31), datetime.date(1970, 1, 1)], pa.date32()),
    "date64": col([datetime.date(1969, 12, 31), datetime.date(2024, 2, 29), datetime.date(1, 1, 1),
                   datetime.date(9999, 12, 31), datetime.date(1970, 1, 1)], pa.date64()),
    "time_s": col([0, 1, 86399, 3600, 0], pa.time32("s")),
    "time_ms": col([0, 1, 86_399_999, 3_600_000, 0], pa.time32("ms")),
    "time_us": col([0, 1, 86_399_999_999, 3_600_000_000, 0], pa.time64("us")),
    "time_ns": col([0, 1, 86_399_999_999_999, 3_600_000_000_000, 0], pa.time64("ns")),
    "ts_s": col([0, -1, 1_700_000_000, 86_400, 0], pa.timestamp("s")),
    "ts_ms_tz": col([0, -1, 1_700_000_000_123, 86_400_000, 0], pa.timestamp("ms", "Asia/Kolkata")),
    "ts_us_utc": col([0, -1, 1_700_000_000_123_456, 86_400_000_000, 0], pa.timestamp("us", "UTC")),
    "ts_ns": col([0, -1, 1_700_000_000_123_456_789, 86_400_000_000_000, 0], pa.timestamp("ns")),
    "duration": col([0, -1, 86_400_000_000, 1, 0], pa.duration("us")),
    "interval_mdn": col([(1, 2, 3), (0, 0, 0), (-1, -2, -3),
                         (12, 31, 86_399_999_999_999), (0, 0, 0)], pa.month_day_nano_interval()),
    "list": col([[1, 2], [], [None, 3], [4] * 20, []], pa.list_(pa.int32())),
    "large_list": col([["a"], ["b", None], [], ["c", "d", "e"], []], pa.large_list(pa.string())),
    "fixed_list": col([[1.5, 2.5], [0.0, -1.0], [None, 3.0], [4.0, 5.0], [0.0, 0.0]],
                      pa.list_(pa.float64(), 2)),
    "struct": col([{"a": 1, "b": "x"}, {"a": None, "b": "y"}, {"a": 3, "b": None},
                   {"a": 4, "b": "zz"}, {"a": 0, "b": ""}], pa.struct([("a", pa.int32()), ("b", pa.string())])),
    "map": col([[("k1", 1), ("k2", 2)], [], [("k", None)], [("x", 9)], []], pa.map_(pa.string(), pa.int64())),
    "dict": pa.array(nulls(["red", "green", "red", "blue", "red"])).dictionary_encode(),
    "null": pa.nulls(n),
})

def write(name, t, codec, batch_rows=None):
    options = ipc.IpcWriteOptions(compression=codec)
    with open(name, "wb") as out, ipc.new_stream(out, t.schema, options=options) as writer:
        writer.write_table(t, max_chunksize=batch_rows)

write("pyarrow-types.arrows", table, None)
write("pyarrow-types-lz4.arrows", table, "lz4")
write("pyarrow-types-zstd.arrows", table, "zstd")

# Buffers well over 64 KiB: Arrow C++ writes their LZ4 frames as linked 64 KiB blocks.
count = 40_000
large = pa.table({"n": pa.array([(i % 1000) * 7919 for i in range(count)], pa.int64())})
write("pyarrow-large-lz4.arrows", large, "lz4")
write("pyarrow-large-zstd.arrows", large, "zstd")
PY

# The same text for every bare frame: 5,000 numbered lines, about 170 KB.
python3 -c '
import sys
sys.stdout.write("".join("%08d the quick brown fox %d\n" % (i, i % 97) for i in range(5000)))
' > lines.txt
lz4 -q -f -BD -B4 --content-size -BX lines.txt lz4-cli-linked-checksums.lz4
lz4 -q -f -BI -B5 --no-frame-crc lines.txt lz4-cli-independent.lz4
zstd -q -f -19 lines.txt -o zstd-cli.zst
rm lines.txt
