extension String {
    /// The text cut to `limit` characters with `…`, for quoting a hostile
    /// 100,000-character formula in a one-paragraph message.
    func abbreviated(_ limit: Int = 120) -> String {
        count > limit ? String(prefix(limit)) + "…" : self
    }
}
