import CRsvg

/// A failure of librsvg or cairo while rendering a figure.
public struct FigureRenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Renders an SVG figure as PNG or PDF bytes through librsvg and cairo (the
/// renderer behind `rsvg-convert`), so that every format comes from the same
/// SVG text.
///
/// The SVG is parsed with `rsvg_handle_new_from_data` and drawn with
/// `rsvg_handle_render_document` into a viewport of the output's size, which
/// scales the SVG's `viewBox` to fill it:
///
/// - PNG: an ARGB32 image surface of `size.widthPixels × size.heightPixels`
///   (the figures paint their own white background, so the PNG is opaque);
///   cairo writes no resolution (pHYs) chunk, the pixel count is the DPI.
/// - PDF: a PDF surface of `width × 72` by `height × 72` points, with a fixed
///   creation date (``pdfCreationDate``) and no other time; cairo embeds
///   subsets of the fonts fontconfig picks for the SVG's `font-family` (the
///   figures name DejaVu Sans first: with no font at all cairo silently draws
///   nothing, which the tests catch by asking for `/FontFile2`).
///
/// Output goes to a byte array through cairo's stream callbacks, so the caller
/// writes the file with its own safe writer.
public enum SVGRasterizer {
    /// The figure as a PNG file's bytes, `size.widthPixels` × `size.heightPixels`.
    public static func png(_ svg: String, size: PlotSize) throws(FigureRenderError) -> [UInt8] {
        let handle = try load(svg)
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size.widthPixels), Int32(size.heightPixels))
        else { throw FigureRenderError(message: "cannot create a \(size.widthPixels)×\(size.heightPixels) image") }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw FigureRenderError(message: "cannot create a \(size.widthPixels)×\(size.heightPixels) image (too large?)")
        }
        try draw(handle, on: surface, width: Double(size.widthPixels), height: Double(size.heightPixels))
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw FigureRenderError(message: "cannot encode the PNG") }
        return sink.bytes
    }

    /// The `/CreationDate` of every PDF figure, fixed (the first date a zip
    /// file can hold, as the Word tables' date): a PDF of the same figure is
    /// the same bytes each time, as `survkit report --bundle` needs.
    public static let pdfCreationDate = "1980-01-01T00:00:00Z"

    /// The figure as a one-page PDF file's bytes, `size.width` × `size.height`
    /// inches, dated ``pdfCreationDate``.
    public static func pdf(_ svg: String, size: PlotSize) throws(FigureRenderError) -> [UInt8] {
        let handle = try load(svg)
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        let sink = ByteSink()
        guard let surface = cairo_pdf_surface_create_for_stream(
            ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), size.widthPoints, size.heightPoints)
        else { throw FigureRenderError(message: "cannot create the PDF") }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "survkit")
        // Without a date of its own cairo writes the current time: the same figure would never be the same bytes.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfCreationDate)
        do {
            try draw(handle, on: surface, width: size.widthPoints, height: size.heightPoints)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_surface_finish(surface)  // writes the file; status is read after it
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw FigureRenderError(message: "cannot write the PDF") }
        return withExtendedLifetime(sink) { sink.bytes }
    }

    /// The file's bytes in `format`: the SVG's UTF-8 text, or its rendering.
    public static func bytes(_ svg: String, format: FigureFormat, size: PlotSize) throws(FigureRenderError) -> [UInt8] {
        switch format {
        case .svg: return Array(svg.utf8)
        case .png: return try png(svg, size: size)
        case .pdf: return try pdf(svg, size: size)
        }
    }

    // MARK: - librsvg

    private static func load(_ svg: String) throws(FigureRenderError) -> UnsafeMutablePointer<RsvgHandle> {
        var error: UnsafeMutablePointer<GError>? = nil
        let bytes = Array(svg.utf8)
        let handle = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else {
            defer { if let error { g_error_free(error) } }
            throw FigureRenderError(message: "cannot read the SVG: " + message(error))
        }
        // The figures' own sizes are in inches: 72 user units per inch, so set 72 dpi for
        // physical units (it affects nothing else; the viewport below sets the scale).
        rsvg_handle_set_dpi(handle, 72)
        return handle
    }

    private static func draw(_ handle: UnsafeMutablePointer<RsvgHandle>, on surface: OpaquePointer, width: Double, height: Double)
        throws(FigureRenderError)
    {
        guard let cr = cairo_create(surface) else { throw FigureRenderError(message: "cannot draw") }
        defer { cairo_destroy(cr) }
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        var error: UnsafeMutablePointer<GError>? = nil
        if rsvg_handle_render_document(handle, cr, &viewport, &error) == 0 {
            defer { if let error { g_error_free(error) } }
            throw FigureRenderError(message: "cannot render the SVG: " + message(error))
        }
    }

    private static func message(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error, let text = error.pointee.message else { return "unknown error" }
        return String(cString: text)
    }
}

/// Collects what cairo writes through its stream callback.
private final class ByteSink {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
