// Exact decimal numbers for money: sums never pass through binary floating point.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crm {

class Decimal {
 public:
  Decimal() = default;
  // "12500", "-3.75", "+0.5", ".5". No exponents, no thousands separators.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal from_int(long long v) { return Decimal(v, 0); }

  Decimal operator+(const Decimal& o) const;
  Decimal operator-(const Decimal& o) const;
  Decimal operator*(const Decimal& o) const;
  // Divides and rounds half away from zero to `scale` decimals. Throws
  // std::domain_error on zero: callers decide what a rate over nothing is.
  Decimal divide(const Decimal& by, int scale) const;
  Decimal rounded(int scale) const;
  int compare(const Decimal& o) const;
  bool operator==(const Decimal& o) const { return compare(o) == 0; }
  bool operator<(const Decimal& o) const { return compare(o) < 0; }
  bool is_zero() const { return units_ == 0; }
  int scale() const { return scale_; }

  // Canonical text: no leading zeros, no trailing fractional zeros ("12500.5").
  std::string str() const;
  // With `decimals` fixed places and thousands separators ("12,500.50").
  std::string format(int decimals, char thousands = ',') const;

 private:
  Decimal(__int128 units, int scale) : units_(units), scale_(scale) {}
  static __int128 pow10(int n);
  Decimal with_scale(int scale) const;

  __int128 units_ = 0;  // value × 10^scale_
  int scale_ = 0;
};

}  // namespace crm
