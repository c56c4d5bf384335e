// Saves a stream the circuit sends (DotNetStreamReference) as a file: used by "Download backup" on
// the Settings page, whose file is made by the server for the signed-in Admin and never has a URL.
window.applianceDownload = async (fileName, streamReference) => {
    const buffer = await streamReference.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: 'application/octet-stream' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    URL.revokeObjectURL(url);
};
