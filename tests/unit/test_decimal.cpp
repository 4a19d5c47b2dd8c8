// decimal: money is summed, compared and rounded exactly, never through a double.
#include <doctest/doctest.h>

#include <string>

#include "crm/decimal.hpp"

using crm::Decimal;

namespace {

Decimal D(const char* text) {
  auto d = Decimal::parse(text);
  REQUIRE_MESSAGE(d.has_value(), "Decimal::parse failed on ", text);
  return *d;
}

}  // namespace

TEST_CASE("decimal parse accepts plain decimals and gives canonical text") {
  CHECK(D("12500").str() == "12500");
  CHECK(D("-3.75").str() == "-3.75");
  CHECK(D("+0.5").str() == "0.5");
  CHECK(D(".5").str() == "0.5");
  CHECK(D("-0.5").str() == "-0.5");
  CHECK(D("-.5").str() == "-0.5");
  CHECK(D("12500.50").str() == "12500.5");
  CHECK(D("12500.00").str() == "12500");
  CHECK(D("007.50").str() == "7.5");
  CHECK(D("0").str() == "0");
  CHECK(D("-0").str() == "0");
  CHECK(D("-0.00").str() == "0");
  CHECK(D("0.000001").str() == "0.000001");
  CHECK(D("1.").str() == "1");
  CHECK(D("12.50").scale() == 2);
  CHECK(D("12").scale() == 0);
  CHECK(D("0.00").is_zero());
  CHECK_FALSE(D("0.01").is_zero());
  // 18 whole digits and 12 places are the caps.
  CHECK(D("123456789012345678").str() == "123456789012345678");
  CHECK(D("1234567890.123456789012").str() == "1234567890.123456789012");
  CHECK_FALSE(Decimal::parse("1234567890123456789").has_value());
  CHECK_FALSE(Decimal::parse("0.1234567890123").has_value());
}

TEST_CASE("decimal parse rejects separators, exponents and junk") {
  for (const char* bad : {"12,500.50", "12,500", "1e3",   "1E3", "",    "-",   "+",   ".",  "-.",  "1.2.3", " 1",  "1 ",
                          "1_000",     "0x1F",   "12.5.", "$12", "12€", "--1", "+-1", "1-", "NaN", "inf",   "１２"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::parse(bad).has_value());
  }
}

TEST_CASE("decimal addition and subtraction are exact") {
  CHECK((D("0.1") + D("0.2")) == D("0.3"));
  CHECK((D("0.1") + D("0.2")).str() == "0.3");
  CHECK((D("10") - D("0.01")).str() == "9.99");
  CHECK((D("1") - D("2.5")).str() == "-1.5");
  CHECK((D("-1.25") + D("1.25")).str() == "0");
  CHECK((D("12500.50") + D("0.5")).str() == "12501");
  CHECK((D("123456789012345678.12") + D("876543210987654321.88")).str() == "1000000000000000000");

  Decimal sum;
  for (int i = 0; i < 100000; ++i) sum = sum + D("0.01");
  CHECK(sum.str() == "1000");
  Decimal big;
  for (int i = 0; i < 1000; ++i) big = big + D("99999999999999.99");
  CHECK(big.str() == "99999999999999990");
  Decimal mixed;
  for (int i = 0; i < 1000; ++i) mixed = mixed + D("0.1") - D("0.3");
  CHECK(mixed.str() == "-200");
}

TEST_CASE("decimal addition of the largest whole number and the longest fraction stays exact") {
  // Aligning 18 whole digits to 12 places must stay inside __int128; values
  // that could overflow are refused by parse.
  CHECK((D("999999999999999999") + D("0.000000000001")).str() == "999999999999999999.000000000001");
  CHECK_FALSE(Decimal::parse("10000000000000000000000000000").has_value());
  CHECK_FALSE(Decimal::parse("0.00000000000001").has_value());
}

TEST_CASE("decimal compare ignores trailing zeros") {
  CHECK(D("1.0") == D("1"));
  CHECK(D("2.50").compare(D("2.5")) == 0);
  CHECK(D("-1") < D("0.5"));
  CHECK(D("0.5").compare(D("-1")) == 1);
  CHECK(D("-2").compare(D("-1.99")) == -1);
  CHECK(D("100").compare(D("99.999")) == 1);
  CHECK(D("0") == D("-0.0"));
  CHECK_FALSE(D("0.1") == D("0.10001"));
}

TEST_CASE("decimal multiplication") {
  CHECK((D("12.50") * D("3")).str() == "37.5");
  CHECK((D("0.1") * D("0.1")).str() == "0.01");
  CHECK((D("-2.5") * D("4")).str() == "-10");
  CHECK((D("1.5") * D("1.5")).scale() == 2);
}

TEST_CASE("decimal divide rounds half away from zero") {
  CHECK(D("10").divide(D("3"), 2).str() == "3.33");
  CHECK(D("2").divide(D("3"), 2).str() == "0.67");
  CHECK(D("-2").divide(D("3"), 2).str() == "-0.67");
  CHECK(D("2").divide(D("-3"), 2).str() == "-0.67");
  CHECK(D("1").divide(D("8"), 2).str() == "0.13");
  CHECK(D("-1").divide(D("8"), 2).str() == "-0.13");
  CHECK(D("1").divide(D("8"), 3).str() == "0.125");
  CHECK(D("100.00").divide(D("4"), 0).str() == "25");
  CHECK(D("7.5").divide(D("2.5"), 3).str() == "3");
  CHECK(D("7.5").divide(D("2.5"), 3).scale() == 3);
  CHECK(D("1").divide(D("0.003"), 0).str() == "333");
  CHECK(D("1.23456").divide(D("2"), 2).str() == "0.62");
  CHECK(D("5").divide(D("2"), 0).str() == "3");
  CHECK(D("-5").divide(D("2"), 0).str() == "-3");
}

TEST_CASE("decimal rounded, including negatives") {
  CHECK(D("2.5").rounded(0).str() == "3");
  CHECK(D("-2.5").rounded(0).str() == "-3");
  CHECK(D("2.4999").rounded(0).str() == "2");
  CHECK(D("-1.005").rounded(2).str() == "-1.01");
  CHECK(D("1.005").rounded(2).str() == "1.01");
  CHECK(D("-1.004").rounded(2).str() == "-1");
  CHECK(D("-0.004").rounded(2).str() == "0");
  CHECK(D("-0.005").rounded(2).str() == "-0.01");
  CHECK(D("1.004").rounded(2).scale() == 2);
  CHECK(D("1.5").rounded(3).scale() == 3);
  CHECK(D("1.5").rounded(3).str() == "1.5");
  CHECK(D("999.995").rounded(2).str() == "1000");
}

TEST_CASE("decimal format with fixed places and thousands separators") {
  CHECK(D("12500.5").format(2) == "12,500.50");
  CHECK(D("1234567.891").format(2) == "1,234,567.89");
  CHECK(D("-1234567.891").format(2) == "-1,234,567.89");
  CHECK(D("999.995").format(2) == "1,000.00");
  CHECK(D("100").format(2) == "100.00");
  CHECK(D("1000").format(0) == "1,000");
  CHECK(D("999").format(0) == "999");
  CHECK(D("100000").format(0) == "100,000");
  CHECK(D("0.5").format(0) == "1");
  CHECK(D("-0.5").format(0) == "-1");
  CHECK(D(".5").format(2) == "0.50");
  CHECK(D("-0.5").format(2) == "-0.50");
  CHECK(D("0").format(2) == "0.00");
  CHECK(D("-0.001").format(2) == "0.00");
  CHECK(D("0.05").format(3) == "0.050");
  CHECK(D("1234.5").format(2, 0) == "1234.50");
  CHECK(D("1234567.5").format(2, ' ') == "1 234 567.50");
  CHECK(D("123456789012345678").format(0) == "123,456,789,012,345,678");
}
