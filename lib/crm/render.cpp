#include "crm/render.hpp"

#include <algorithm>

#include "crm/csv.hpp"
#include "crm/decimal.hpp"
#include "crm/text.hpp"
#include "crm/yaml_io.hpp"

namespace crm {

namespace {

const char* const kBold = "\033[1m";
const char* const kYellow = "\033[33m";
const char* const kReset = "\033[0m";

std::vector<std::string> default_columns(const Schema& schema, Format format) {
  std::vector<std::string> cols;
  if (format == Format::Table) return schema.columns;
  // CSV/TSV: one column per object subfield ("address.city"), so the cells stay atomic.
  for (const Field& f : schema.fields) {
    if (f.type == FieldType::Object) {
      for (const Field& sub : f.fields) cols.push_back(f.name + "." + sub.name);
    } else {
      cols.push_back(f.name);
    }
  }
  cols.push_back("created");
  cols.push_back("updated");
  return cols;
}

std::string node_text(const Node& n, std::string_view sep) {
  switch (n.kind) {
    case Node::Kind::Null:
      return "";
    case Node::Kind::Scalar:
      return n.text;
    case Node::Kind::Sequence: {
      std::vector<std::string> parts;
      for (const Node& i : n.items) {
        if (i.is_map() && !i.entries.empty()) {
          // {number: "+44…", kind: mobile} → "+44… (mobile)"
          std::vector<std::string> rest;
          for (size_t k = 1; k < i.entries.size(); ++k)
            if (!i.entries[k].second.empty()) rest.push_back(node_text(i.entries[k].second, sep));
          parts.push_back(node_text(i.entries[0].second, sep) + (rest.empty() ? "" : " (" + join(rest, ", ") + ")"));
        } else {
          parts.push_back(node_text(i, sep));
        }
      }
      return join(parts, sep);
    }
    case Node::Kind::Map: {
      std::vector<std::string> parts;
      for (const auto& [k, v] : n.entries)
        if (!v.empty()) parts.push_back(k + ": " + node_text(v, sep));
      return join(parts, sep);
    }
  }
  return "";
}

}  // namespace

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"table", "json", "jsonl", "yaml", "csv", "tsv", "ids"};
  return names;
}

std::optional<Format> parse_format(std::string_view name) {
  static const Format kFormats[] = {Format::Table, Format::Json, Format::Jsonl, Format::Yaml,
                                    Format::Csv,   Format::Tsv,  Format::Ids};
  const auto& names = format_names();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return kFormats[i];
  return std::nullopt;
}

std::string cell_text(const Record& r, const std::string& field, const Schema& schema, const NameOf& name_of,
                      std::string_view sep) {
  const Node* n = r.find(field);
  if (!n) return "";
  const Field* f = schema.field_path(field);
  if (f && name_of && (f->type == FieldType::Ref || f->type == FieldType::Refs)) {
    std::vector<std::string> names;
    std::vector<std::string> ids;
    if (n->is_scalar()) ids.push_back(n->text);
    for (const Node& i : n->items) ids.push_back(i.text);
    for (const std::string& id : ids) {
      std::string name = name_of(id);
      names.push_back(name.empty() ? id : name);
    }
    return join(names, sep);
  }
  return node_text(*n, sep);
}

std::string render_table(const std::vector<std::vector<std::string>>& rows, bool color, size_t max_width,
                         int id_column) {
  if (rows.size() <= 1) return "";
  size_t ncols = rows[0].size();
  std::vector<std::vector<std::string>> cells(rows.size(), std::vector<std::string>(ncols));
  std::vector<size_t> width(ncols, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < ncols && c < rows[r].size(); ++c) {
      cells[r][c] = truncate_to_width(escape_for_terminal(rows[r][c]), max_width);
      width[c] = std::max(width[c], display_width(cells[r][c]));
    }
  }
  // Columns that are empty in every row take no space.
  std::vector<bool> shown(ncols, false);
  for (size_t c = 0; c < ncols; ++c)
    for (size_t r = 1; r < rows.size(); ++r) shown[c] = shown[c] || !cells[r][c].empty();
  std::string out;
  for (size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    size_t last = 0;
    for (size_t c = 0; c < ncols; ++c)
      if (shown[c]) last = c;
    for (size_t c = 0; c < ncols; ++c) {
      if (!shown[c]) continue;
      const std::string& cell = cells[r][c];
      std::string styled = cell;
      if (color && r == 0)
        styled = kBold + cell + kReset;
      else if (color && static_cast<int>(c) == id_column)
        styled = kYellow + cell + kReset;
      line += styled;
      if (c != last) line += std::string(width[c] - display_width(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string render_list(const std::vector<const Record*>& records, const Schema& schema, const RenderOptions& o) {
  std::vector<std::string> cols = o.fields.empty() ? default_columns(schema, o.format) : o.fields;
  std::string out;
  switch (o.format) {
    case Format::Ids:
      for (const Record* r : records) out += r->id() + "\n";
      return out;
    case Format::Json: {
      std::string compact = "[";
      for (size_t i = 0; i < records.size(); ++i)
        compact += (i ? "," : "") + record_json(*records[i], schema, o.fields.empty() ? nullptr : &o.fields);
      return pretty_json(compact + "]") + "\n";
    }
    case Format::Jsonl:
      for (const Record* r : records) out += record_json(*r, schema, o.fields.empty() ? nullptr : &o.fields) + "\n";
      return out;
    case Format::Yaml: {
      Node seq = Node::sequence();
      for (const Record* r : records) {
        Node data = canonical_data(r->data, schema);
        if (!o.fields.empty()) {
          Node picked = Node::map();
          picked.entries.push_back(data.entries.front());
          for (const std::string& f : o.fields)
            if (const Node* v = data.find(f)) picked.set(f, *v);
          data = picked;
        }
        seq.items.push_back(data);
      }
      return emit_document(seq);
    }
    case Format::Csv:
    case Format::Tsv: {
      char delimiter = o.format == Format::Csv ? ',' : '\t';
      std::vector<std::string> row = {"id"};
      row.insert(row.end(), cols.begin(), cols.end());
      out += delimited_row(row, delimiter, o.raw);
      for (const Record* r : records) {
        row = {r->id()};
        for (const std::string& c : cols) row.push_back(cell_text(*r, c, schema, {}, ","));
        out += delimited_row(row, delimiter, o.raw);
      }
      return out;
    }
    case Format::Table: {
      std::vector<std::vector<std::string>> rows;
      std::vector<std::string> header = {"ID"};
      for (const std::string& c : cols) header.push_back(to_upper_label(c));
      rows.push_back(header);
      for (const Record* r : records) {
        std::string id = r->id();
        if (o.short_ids) {
          auto it = o.short_ids->find(id);
          if (it != o.short_ids->end()) id = it->second;
        }
        std::vector<std::string> row = {id};
        for (const std::string& c : cols) {
          const Field* f = schema.field_path(c);
          std::string text = cell_text(*r, c, schema, o.name_of);
          // Money reads as money in a table: 12,500.50 (the places as written).
          if (f && f->type == FieldType::Money)
            if (auto d = Decimal::parse(text)) text = d->format(d->scale());
          row.push_back(text);
        }
        rows.push_back(row);
      }
      return render_table(rows, o.color, o.max_cell_width, 0);
    }
  }
  return out;
}

std::string render_detail(const Record& r, const Schema& schema, const RenderOptions& o) {
  Node data = canonical_data(r.data, schema);
  size_t key_width = 0;
  for (const auto& [k, v] : data.entries) key_width = std::max(key_width, display_width(k));
  std::string out;
  for (const auto& [k, v] : data.entries) {
    if (!o.fields.empty() && k != "id" && std::find(o.fields.begin(), o.fields.end(), k) == o.fields.end()) continue;
    std::string key = escape_for_terminal(k);
    std::string label = key + std::string(key_width - display_width(k) + 2, ' ');
    if (o.color) label = std::string(kBold) + key + kReset + std::string(key_width - display_width(k) + 2, ' ');
    std::string pad(key_width + 2, ' ');
    std::vector<std::string> lines;
    const Field* f = schema.field(k);
    if (f && f->type == FieldType::Text) {
      std::string text = v.text;
      if (ends_with(text, "\n")) text.pop_back();
      for (const std::string& line : split(text, '\n')) lines.push_back(escape_for_terminal(line));
    } else {
      lines.push_back(escape_for_terminal(cell_text(r, k, schema, o.name_of)));
    }
    for (size_t i = 0; i < lines.size(); ++i) out += (i ? pad : label) + lines[i] + "\n";
  }
  return out;
}

}  // namespace crm
