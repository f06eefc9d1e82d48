<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraUi</name>
    <message>
        <location filename="../app/camera_ui.cpp" line="38"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../app/camera_ui.cpp" line="40"/>
        <source>Live &amp;Camera</source>
        <translation>实时摄像头(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/camera_ui.cpp" line="43"/>
        <source>Classify a camera, video file or stream live, and capture training images</source>
        <translation>实时分类摄像头、视频文件或视频流，并采集训练图像</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../widgets/designer/add_node_command.cpp" line="11"/>
        <location filename="../widgets/designer/model_document.cpp" line="148"/>
        <source>Add %1 &apos;%2&apos;</source>
        <translation>添加 %1“%2”</translation>
    </message>
    <message>
        <location filename="../widgets/designer/designer_scene.cpp" line="234"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../widgets/designer/designer_scene.cpp" line="346"/>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document.cpp" line="177"/>
        <source>Insert %1 &apos;%2&apos;</source>
        <translation>插入 %1“%2”</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document.cpp" line="213"/>
        <source>Connect &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>连接“%1”到“%2”</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document.cpp" line="280"/>
        <source>Paste 1 layer</source>
        <translation>粘贴 1 个层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document.cpp" line="281"/>
        <source>Paste %1 layers</source>
        <translation>粘贴 %1 个层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document.cpp" line="305"/>
        <source>Auto-arrange</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <location filename="../widgets/designer/remove_nodes_command.cpp" line="15"/>
        <source>Delete &apos;%1&apos;</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location filename="../widgets/designer/remove_nodes_command.cpp" line="19"/>
        <source>Delete 1 connection</source>
        <translation>删除 1 条连接</translation>
    </message>
    <message>
        <location filename="../widgets/designer/remove_nodes_command.cpp" line="20"/>
        <source>Delete %1 connections</source>
        <translation>删除 %1 条连接</translation>
    </message>
    <message>
        <location filename="../widgets/designer/remove_nodes_command.cpp" line="22"/>
        <source>Delete 1 layer</source>
        <translation>删除 1 个层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/remove_nodes_command.cpp" line="23"/>
        <source>Delete %1 layers</source>
        <translation>删除 %1 个层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/rename_node_command.cpp" line="11"/>
        <source>Rename to &apos;%1&apos;</source>
        <translation>重命名为“%1”</translation>
    </message>
    <message>
        <location filename="../widgets/designer/set_options_command.cpp" line="15"/>
        <source>Edit &apos;%1&apos;</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../widgets/designer/set_options_command.cpp" line="17"/>
        <source>Set %1 of &apos;%2&apos;</source>
        <translation>设置“%2”的 %1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/move_nodes_command.cpp" line="14"/>
        <source>Move 1 layer</source>
        <translation>移动 1 个层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/move_nodes_command.cpp" line="15"/>
        <source>Move %1 layers</source>
        <translation>移动 %1 个层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="108"/>
        <source>Change dataset</source>
        <translation>更改数据集</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="116"/>
        <source>Change excluded images</source>
        <translation>更改排除的图像</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="131"/>
        <source>Change checkpoint folder</source>
        <translation>更改检查点文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="157"/>
        <source>Change training settings</source>
        <translation>更改训练设置</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="163"/>
        <source>Continue training from the weights</source>
        <translation>从现有权重继续训练</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="164"/>
        <source>Train from scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="175"/>
        <source>Change validation split</source>
        <translation>更改验证集划分</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="181"/>
        <source>Change augmentation</source>
        <translation>更改数据增强</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="245"/>
        <source>Apply trained weights (run #%1)</source>
        <translation>应用训练好的权重（第 %1 次运行）</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="258"/>
        <source>Record run #%1 (weights kept)</source>
        <translation>记录第 %1 次运行（保留原权重）</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="271"/>
        <source>Use the weights of run #%1</source>
        <translation>使用第 %1 次运行的权重</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="300"/>
        <source>Use the last weights of run #%1</source>
        <translation>使用第 %1 次运行的最后权重</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_document_project.cpp" line="301"/>
        <source>Use the best weights of run #%1</source>
        <translation>使用第 %1 次运行的最佳权重</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/designer/set_trainable_command.cpp" line="12"/>
        <source>Unfreeze %n layer(s)</source>
        <translation>
            <numerusform>解冻 %n 个层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/designer/set_trainable_command.cpp" line="13"/>
        <source>Freeze %n layer(s)</source>
        <translation>
            <numerusform>冻结 %n 个层</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetCatalog</name>
    <message>
        <location filename="../widgets/dataset/dataset_catalog.cpp" line="84"/>
        <source>training image #%1</source>
        <translation>训练图像 #%1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_catalog.cpp" line="85"/>
        <source>validation image #%1</source>
        <translation>验证图像 #%1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_catalog.cpp" line="86"/>
        <source>test image #%1</source>
        <translation>测试图像 #%1</translation>
    </message>
</context>
<context>
    <name>DatasetMoveCommand</name>
    <message>
        <location filename="../app/dataset_move_command.cpp" line="71"/>
        <source>%1: the file is gone</source>
        <translation>%1：文件已不存在</translation>
    </message>
    <message>
        <location filename="../app/dataset_move_command.cpp" line="76"/>
        <source>%1: already exists; nothing was overwritten</source>
        <translation>%1：已存在；未覆盖任何文件</translation>
    </message>
    <message>
        <location filename="../app/dataset_move_command.cpp" line="81"/>
        <source>%1 could not be moved to %2</source>
        <translation>无法将 %1 移动到 %2</translation>
    </message>
</context>
<context>
    <name>DoctorFindings</name>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="84"/>
        <source>Leakage: %1 images in training and test</source>
        <translation>泄漏：%1 张图像同时出现在训练集和测试集</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="85"/>
        <source>Exact duplicates: %1 images</source>
        <translation>完全重复：%1 张图像</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="86"/>
        <source>Near duplicates: %1 images</source>
        <translation>近似重复：%1 张图像</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="90"/>
        <source>%1: labelled %2 (%3), looks like %4 (%5)</source>
        <translation>%1：标注为 %2（%3），看起来像 %4（%5）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="99"/>
        <source>blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="102"/>
        <source>saturated</source>
        <translation>过饱和</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="105"/>
        <source>low contrast</source>
        <translation>低对比度</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="108"/>
        <source>far from every class</source>
        <translation>远离所有类别</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_findings.cpp" line="111"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>DoctorStage</name>
    <message>
        <location filename="../app/doctor_controller.cpp" line="38"/>
        <source>Computing features</source>
        <translation>正在计算特征</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="39"/>
        <source>Cross-validating predictions</source>
        <translation>正在交叉验证预测</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="40"/>
        <source>Hashing images</source>
        <translation>正在计算图像哈希</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="41"/>
        <source>Finding duplicates</source>
        <translation>正在查找重复图像</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="42"/>
        <source>Checking pixels</source>
        <translation>正在检查像素</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="43"/>
        <source>Finding near duplicates</source>
        <translation>正在查找近似重复图像</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="44"/>
        <source>Finding outliers</source>
        <translation>正在查找离群图像</translation>
    </message>
    <message>
        <location filename="../app/doctor_controller.cpp" line="45"/>
        <source>Drawing the map</source>
        <translation>正在绘制分布图</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <location filename="../widgets/common/engine_message.cpp" line="27"/>
        <source>not enough memory: the input is larger than this machine can hold, or damaged</source>
        <translation>内存不足：输入超出了本机可容纳的大小，或者已损坏</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message.cpp" line="44"/>
        <source>internal error (an unknown exception)</source>
        <translation>内部错误（未知异常）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message.cpp" line="48"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="9"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="11"/>
        <source>{file}: file does not exist</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="12"/>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="13"/>
        <source>{file}: is {kind}, expected a regular file</source>
        <translation>{file}：这是{kind}，应为普通文件</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="14"/>
        <source>&apos;{file}&apos; is not a regular file (a named pipe, device or socket)</source>
        <translation>“{file}”不是普通文件（而是命名管道、设备或套接字）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="15"/>
        <source>{file}: reading failed after {bytes} bytes ({reason})</source>
        <translation>{file}：读取 {bytes} 字节后失败（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="16"/>
        <source>{file}: corrupt gzip data after {bytes} bytes ({reason})</source>
        <translation>{file}：第 {bytes} 字节之后的 gzip 数据已损坏（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="17"/>
        <source>{file}: truncated {what}: expected {expected} bytes at offset {offset}, got {got}</source>
        <translation>{file}：{what}被截断：在偏移 {offset} 处应有 {expected} 字节，实际只有 {got} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="19"/>
        <source>{file}: data continues after the {expected} its header announces</source>
        <translation>{file}：数据超出了文件头声明的 {expected}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="20"/>
        <source>{file}: the gzip stream is cut short (no complete trailer after {bytes} compressed bytes)</source>
        <translation>{file}：gzip 数据流不完整（{bytes} 个压缩字节之后没有完整的结尾校验）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="22"/>
        <source>{file}: bytes that are not gzip data follow the compressed stream</source>
        <translation>{file}：压缩数据流之后还有非 gzip 数据</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="23"/>
        <source>{file}: header claims {claim} = {bytes} bytes, more than the limit of {limit} bytes</source>
        <translation>{file}：文件头声明 {claim} = {bytes} 字节，超过上限 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="25"/>
        <source>{file}: {bytes} bytes is not a whole number of CIFAR-10 records of {record} bytes</source>
        <translation>{file}：{bytes} 字节不是 CIFAR-10 记录（每条 {record} 字节）的整数倍</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="27"/>
        <source>{file}: {bytes} bytes of data, more than the limit of {limit} bytes</source>
        <translation>{file}：数据有 {bytes} 字节，超过上限 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="28"/>
        <source>{folder}: the class folder name is not valid UTF-8; rename the folder</source>
        <translation>{folder}：类别文件夹名不是有效的 UTF-8，请重命名该文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="29"/>
        <source>{file}: the description nests deeper than {limit} levels</source>
        <translation>{file}：描述的嵌套层数超过 {limit} 层</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="31"/>
        <source>The weights of {count} run(s) were left out: the graph does not compile ({error})</source>
        <translation>未载入 {count} 次运行的权重：图无法编译（{error}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="33"/>
        <source>The weights of run {run} were left out: they do not fit the graph, which changed after that run</source>
        <translation>未载入第 {run} 次运行的权重：该次运行之后图已更改，权重与图不匹配</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="36"/>
        <source>The saved evaluation was left out: {reason}</source>
        <translation>未载入保存的评估结果：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="37"/>
        <source>{file}: the preprocessing gives {prepared} inputs, the graph&apos;s Input &apos;{layer}&apos; takes {input}</source>
        <translation>{file}：预处理产生 {prepared} 个输入，但图中的输入层“{layer}”需要 {input} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="39"/>
        <source>{file}: tensor &apos;{tensor}&apos; ({batch} x {shape}) holds more values than the file</source>
        <translation>{file}：张量“{tensor}”（{batch} x {shape}）的数值多于文件所含</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="40"/>
        <source>a constant of shape {shape} has a negative dimension or more than {limit} values</source>
        <translation>形状为 {shape} 的常量含有负数维度，或数值多于 {limit} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="42"/>
        <source>shape {shape} holds more than 2^63 values</source>
        <translation>形状 {shape} 的数值多于 2^63 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="43"/>
        <source>tensor shape {shape} has a negative dimension</source>
        <translation>张量形状 {shape} 含有负数维度</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="44"/>
        <source>a tensor of {batch} x {shape} is too large to allocate</source>
        <translation>{batch} x {shape} 的张量太大，无法分配</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="45"/>
        <source>{layer}: its output would hold more than {max} values</source>
        <translation>{layer}：其输出将多于 {max} 个数值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="46"/>
        <source>epoch statistics: epoch {epoch} is outside 1..{max}</source>
        <translation>轮次统计：轮次 {epoch} 超出范围 1..{max}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="47"/>
        <source>checkpoint: {count} best-weights tensors, but the model has {expected}</source>
        <translation>检查点：有 {count} 个最佳权重张量，但模型有 {expected} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="48"/>
        <source>checkpoint: best-weights tensor {index} is {got} but the model&apos;s tensor there is {expected}</source>
        <translation>检查点：最佳权重张量 {index} 的形状为 {got}，但模型中对应的张量为 {expected}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="50"/>
        <source>checkpoint: position epoch {epoch}, batch {batch} is invalid</source>
        <translation>检查点：位置（轮次 {epoch}，批次 {batch}）无效</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="52"/>
        <source>every layer with parameters is frozen; unfreeze at least one layer to train</source>
        <translation>所有带参数的层都已冻结；请至少解冻一层再训练</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="53"/>
        <source>the model has no layer named &apos;{layer}&apos;; its layers: {known}</source>
        <translation>模型中没有名为“{layer}”的层；它的层有：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="54"/>
        <source>a new head needs at least one class; the dataset has none</source>
        <translation>新的分类头至少需要一个类别；数据集中没有类别</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="55"/>
        <source>&apos;{item}&apos; in &apos;{list}&apos; is no class of the data; its classes: {known}</source>
        <translation>“{list}”中的“{item}”不是数据中的类别；数据的类别有：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="56"/>
        <source>class {class} is outside the data&apos;s {count} classes</source>
        <translation>类别 {class} 超出了数据的 {count} 个类别</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="58"/>
        <source>the data doctor was cancelled</source>
        <translation>数据诊断已取消</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="59"/>
        <source>the training images are {train} but the test images are {test}</source>
        <translation>训练图像为 {train}，但测试图像为 {test}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="60"/>
        <source>the data doctor needs images; the dataset has none</source>
        <translation>数据诊断需要图像；该数据集中没有图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="61"/>
        <source>the model takes {model} images, but the dataset&apos;s images are {data}</source>
        <translation>模型接受 {model} 的图像，但数据集的图像为 {data}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="62"/>
        <source>the model has no layer before its classifier; the doctor examined the pixels instead of its features</source>
        <translation>模型在分类器之前没有其他层；诊断改为检查像素而非其特征</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="65"/>
        <source>the {dim} features of layer &apos;{layer}&apos; were reduced to {reduced} by PCA</source>
        <translation>层“{layer}”的 {dim} 个特征已通过 PCA 降至 {reduced} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="66"/>
        <source>label errors were not searched: the images belong to only {count} class</source>
        <translation>未查找标注错误：图像只属于 {count} 个类别</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="67"/>
        <source>label errors were not searched: {images} images are too few for {folds}-fold cross-validation (at least {min})</source>
        <translation>未查找标注错误：{images} 张图像不足以进行 {folds} 折交叉验证（至少需要 {min} 张）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="70"/>
        <source>&apos;{file}&apos; has no trained weights: its features would be noise. Train it first, or run the data doctor without a model</source>
        <translation>“{file}”没有训练好的权重：其特征只是噪声。请先训练，或不使用模型运行数据诊断</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="74"/>
        <source>{layer}: has no input; connect a layer to it</source>
        <translation>{layer}：没有输入，请把一个层连接到它</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="75"/>
        <source>{layer}: needs at least {min} inputs, has {count}</source>
        <translation>{layer}：至少需要 {min} 个输入，现有 {count} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="76"/>
        <source>{layer}: takes 1 input, has {count}</source>
        <translation>{layer}：只接受 1 个输入，现有 {count} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="77"/>
        <source>{layer}: takes {max} inputs, has {count}</source>
        <translation>{layer}：接受 {max} 个输入，现有 {count} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="78"/>
        <source>{layer}: its input #{input} does not exist</source>
        <translation>{layer}：其输入 #{input} 不存在</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="79"/>
        <source>{layer}: is connected to itself</source>
        <translation>{layer}：连接到了自身</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="80"/>
        <source>the model is empty; add an Input layer</source>
        <translation>模型为空，请添加一个 Input 层</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="81"/>
        <source>the model has no Input layer; add one at the top</source>
        <translation>模型没有 Input 层，请在顶部添加一个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="82"/>
        <source>{layer}: a model has one Input layer; this is a second one</source>
        <translation>{layer}：模型只能有一个 Input 层，这是第二个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="83"/>
        <source>{layer}: is part of a cycle</source>
        <translation>{layer}：处于一个环路中</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="84"/>
        <source>{layer}: is not connected to the Input layer</source>
        <translation>{layer}：没有连接到 Input 层</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="85"/>
        <source>{layer}: its output is not used; a model has one output (outputs now: {outputs})</source>
        <translation>{layer}：其输出未被使用；模型只能有一个输出（当前输出：{outputs}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="87"/>
        <source>the model has only an Input layer; add layers below it</source>
        <translation>模型只有 Input 层，请在其下方添加层</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="88"/>
        <source>the model is not valid</source>
        <translation>模型无效</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="90"/>
        <source>{layer}: kernel {window} is larger than its {input} input</source>
        <translation>{layer}：卷积核 {window} 大于其 {input} 的输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="92"/>
        <source>{layer}: kernel {window} with dilation {dilation} spans {span} pixels, more than its {input} input padded to {padded}</source>
        <translation>{layer}：{window} 卷积核在扩张率 {dilation} 下跨越 {span} 像素，超过了其 {input} 输入填充后的 {padded}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="95"/>
        <source>{layer}: groups {groups} must divide both the {channels} input channels and the {filters} filters</source>
        <translation>{layer}：分组数 {groups} 必须同时整除 {channels} 个输入通道和 {filters} 个滤波器</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="98"/>
        <source>{layer}: pool {window} is larger than its {input} input</source>
        <translation>{layer}：池化窗口 {window} 大于其 {input} 的输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="99"/>
        <source>{layer}: window {window} is larger than its {input} input</source>
        <translation>{layer}：窗口 {window} 大于其 {input} 的输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="101"/>
        <source>{file}: the description is not valid JSON (line {line})</source>
        <translation>{file}：描述不是有效的 JSON（第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="102"/>
        <source>{file}: the description holds a number too large to read: {number}</source>
        <translation>{file}：描述中含有一个大到无法读取的数字：{number}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="103"/>
        <source>{file} is JSON but not a ConvStudio project</source>
        <translation>{file} 是 JSON 文件，但不是 ConvStudio 项目</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="105"/>
        <source>unknown activation &apos;{activation}&apos;; known activations: {known}</source>
        <translation>未知的激活函数“{activation}”；可用的激活函数：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="106"/>
        <source>{layer}: needs at least 2 inputs, got {count}</source>
        <translation>{layer}：至少需要 2 个输入，实际有 {count} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="107"/>
        <source>{layer}: inputs must have the same shape, got {first} and {other} (input {input})</source>
        <translation>{layer}：各输入的形状必须相同，实际为 {first} 和 {other}（输入 {input}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="109"/>
        <source>{layer}: expects an image or a flat input, got {shape}</source>
        <translation>{layer}：需要图像输入或扁平输入，实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="110"/>
        <source>{layer}: expects image or flat inputs, got {shape}</source>
        <translation>{layer}：需要图像输入或扁平输入，实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="111"/>
        <source>{layer}: image inputs must have the same height and width, got {first} and {other} (input {input})</source>
        <translation>{layer}：各图像输入的高度和宽度必须相同，实际为 {first} 和 {other}（输入 {input}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="114"/>
        <source>{layer}: cannot join a flat input with an image, got {first} and {other} (input {input})</source>
        <translation>{layer}：无法将扁平输入与图像拼接，实际为 {first} 和 {other}（输入 {input}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="116"/>
        <source>{layer}: expects a flat input, got {shape}; add Flatten before it</source>
        <translation>{layer}：需要扁平输入，实际为 {shape}；请在它之前添加 Flatten</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="117"/>
        <source>{layer}: input has no shape</source>
        <translation>{layer}：输入没有形状</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="118"/>
        <source>{layer}: option &apos;{option}&apos; must be an integer, got {value}</source>
        <translation>{layer}：选项“{option}”必须是整数，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="119"/>
        <source>{layer}: option &apos;{option}&apos; must be between {min} and {max}, got {value}</source>
        <translation>{layer}：选项“{option}”必须介于 {min} 和 {max} 之间，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="120"/>
        <source>{layer}: option &apos;{option}&apos; must be a number, got {value}</source>
        <translation>{layer}：选项“{option}”必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="121"/>
        <source>{layer}: option &apos;{option}&apos; must be true or false, got {value}</source>
        <translation>{layer}：选项“{option}”必须是 true 或 false，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="122"/>
        <source>{layer}: option &apos;{option}&apos; must be one of {choices}; got {value}</source>
        <translation>{layer}：选项“{option}”必须是 {choices} 之一；实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="123"/>
        <source>unknown layer kind &apos;{kind}&apos;; known kinds: {known}</source>
        <translation>未知的层类型“{kind}”；可用的层类型：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="124"/>
        <source>{layer}: options must be a JSON object, got {value}</source>
        <translation>{layer}：选项必须是 JSON 对象，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="125"/>
        <source>{layer}: unknown option &apos;{option}&apos;; known options: none</source>
        <translation>{layer}：未知选项“{option}”；该层没有任何选项</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="126"/>
        <source>{layer}: unknown option &apos;{option}&apos;; known options: {known}</source>
        <translation>{layer}：未知选项“{option}”；可用的选项：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="127"/>
        <source>unknown padding &apos;{padding}&apos;; known paddings: valid, same</source>
        <translation>未知的填充方式“{padding}”；可用的填充方式：valid、same</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="128"/>
        <source>{layer}: expects an image input (channels x height x width), got {shape}</source>
        <translation>{layer}：需要图像输入（通道 x 高 x 宽），实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="130"/>
        <source>{layer}: multiplies exactly 2 inputs, got {count}</source>
        <translation>{layer}：只能将 2 个输入相乘，实际得到 {count} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="131"/>
        <source>{layer}: multiplies inputs of one shape, or a feature map by one value per channel; got {first} and {second}</source>
        <translation>{layer}：只能将形状相同的输入相乘，或将特征图与每通道一个值相乘；实际得到 {first} 和 {second}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="134"/>
        <source>{layer}: {channels} channels do not split into {groups} groups</source>
        <translation>{layer}：{channels} 个通道无法分成 {groups} 组</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="135"/>
        <source>{layer}: channels {start} to {stop} do not fit an input of {channels} channels</source>
        <translation>{layer}：通道 {start} 到 {stop} 超出了 {channels} 通道的输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="138"/>
        <source>checkpoint written: {file}</source>
        <translation>已写入检查点：{file}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="139"/>
        <source>no feature extraction: augmentation changes the images every epoch, so the frozen layers up to &apos;{layer}&apos; run on every batch (they are still not updated)</source>
        <translation>不使用特征提取：数据增强每轮都会改变图像，因此直到“{layer}”的冻结层在每个批次都要运行（它们仍不会被更新）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="142"/>
        <source>no feature extraction: the features at &apos;{layer}&apos; would take {mb} MB</source>
        <translation>不使用特征提取：“{layer}”处的特征将占用 {mb} MB</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="143"/>
        <source>feature extraction: the layers up to &apos;{layer}&apos; are frozen; the head trains on their cached features (reused)</source>
        <translation>特征提取：直到“{layer}”的各层已冻结；分类头在缓存的特征上训练（重复使用）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="146"/>
        <source>feature extraction: the layers up to &apos;{layer}&apos; are frozen; the head trains on their features, computed once in {seconds} s</source>
        <translation>特征提取：直到“{layer}”的各层已冻结；分类头在其特征上训练，特征只计算一次，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="149"/>
        <source>the model has {outputs} outputs for {classes} classes; the extra outputs are never targets</source>
        <translation>模型有 {outputs} 个输出，但只有 {classes} 个类别；多余的输出永远不会是目标</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="151"/>
        <source>class weights (balanced): {weights}</source>
        <translation>类别权重（均衡）：{weights}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="152"/>
        <source>oversampling: {samples} samples per epoch from {images}</source>
        <translation>过采样：每轮从 {images} 张图像中取 {samples} 个样本</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="153"/>
        <source>stopped early after epoch {epoch}: no improvement of {metric} for {patience} epochs; restored the best weights</source>
        <translation>在第 {epoch} 轮后提前停止：{metric} 已有 {patience} 轮没有改善；已恢复最佳权重</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="156"/>
        <source>stopped early after epoch {epoch}: no improvement of {metric} for {patience} epochs</source>
        <translation>在第 {epoch} 轮后提前停止：{metric} 已有 {patience} 轮没有改善</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="159"/>
        <source>the dataset has {classes} classes but the model&apos;s output has {outputs}</source>
        <translation>数据集有 {classes} 个类别，但模型的输出有 {outputs} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="160"/>
        <source>the dataset has no images to evaluate on</source>
        <translation>数据集中没有可用于评估的图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="161"/>
        <source>loss settings are malformed: {reason}</source>
        <translation>损失函数设置格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="162"/>
        <source>unknown loss &apos;{loss}&apos;; known: categorical_crossentropy, sparse_categorical_crossentropy</source>
        <translation>未知的损失函数“{loss}”；可用的有：categorical_crossentropy、sparse_categorical_crossentropy</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="164"/>
        <source>label_smoothing must be in [0, 1), got {value}</source>
        <translation>label_smoothing 必须在 [0, 1) 范围内，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="165"/>
        <source>label smoothing needs loss &apos;categorical_crossentropy&apos;</source>
        <translation>标签平滑需要使用损失函数“categorical_crossentropy”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="166"/>
        <source>class weights must be finite and &gt;= 0</source>
        <translation>类别权重必须是有限值且 &gt;= 0</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="167"/>
        <source>label {label} of sample {sample} is outside the model&apos;s {classes} classes</source>
        <translation>样本 {sample} 的标签 {label} 超出了模型的 {classes} 个类别</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="168"/>
        <source>unknown optimizer &apos;{optimizer}&apos;; known: {known}</source>
        <translation>未知的优化器“{optimizer}”；可用的有：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="169"/>
        <source>optimizer options must be a JSON object; received: {value}</source>
        <translation>优化器选项必须是 JSON 对象；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="170"/>
        <source>{optimizer}: the learning rate must be &gt;= 0; received: {value}</source>
        <translation>{optimizer}：学习率必须 &gt;= 0；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="171"/>
        <source>a run&apos;s start must be fresh, fine-tune or resume, got &apos;{value}&apos;</source>
        <translation>运行的起点必须是 fresh、fine-tune 或 resume，实际为“{value}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="172"/>
        <source>an evaluation&apos;s set must be test, validation or training, got &apos;{value}&apos;</source>
        <translation>评估所用的数据集必须是 test、validation 或 training，实际为“{value}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="173"/>
        <source>a run record must be a JSON object</source>
        <translation>运行记录必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="174"/>
        <source>a run record is malformed: {reason}</source>
        <translation>运行记录格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="175"/>
        <source>a run record&apos;s settings are malformed: {reason}</source>
        <translation>运行记录中的设置格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="176"/>
        <source>unknown schedule &apos;{schedule}&apos;; known: {known}</source>
        <translation>未知的学习率调度“{schedule}”；可用的有：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="177"/>
        <source>schedule options must be a JSON object; received: {value}</source>
        <translation>学习率调度选项必须是 JSON 对象；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="178"/>
        <source>schedule &apos;{schedule}&apos;: the learning rate must be &gt; 0; received: {value}</source>
        <translation>学习率调度“{schedule}”：学习率必须 &gt; 0；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="179"/>
        <source>schedule &apos;{schedule}&apos;: min_rate {min} is above the learning rate {rate}</source>
        <translation>学习率调度“{schedule}”：min_rate {min} 高于学习率 {rate}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="180"/>
        <source>class balance must be none, weights or oversample, got &apos;{value}&apos;</source>
        <translation>类别平衡方式必须是 none、weights 或 oversample，实际为“{value}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="181"/>
        <source>training settings must be a JSON object</source>
        <translation>训练设置必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="182"/>
        <source>training settings are malformed: {reason}</source>
        <translation>训练设置格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="183"/>
        <source>epochs must be between 1 and 100000, got {value}</source>
        <translation>轮数必须介于 1 和 100000 之间，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="184"/>
        <source>batch size must be between 1 and 65536, got {value}</source>
        <translation>批大小必须介于 1 和 65536 之间，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="185"/>
        <source>validation split must be in [0, 1), got {value}</source>
        <translation>验证集比例必须在 [0, 1) 范围内，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="186"/>
        <source>threads must be between 0 (all cores) and 64, got {value}</source>
        <translation>线程数必须介于 0（使用全部核心）和 64 之间，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="187"/>
        <source>early stopping patience must be &gt;= 0</source>
        <translation>早停耐心值必须 &gt;= 0</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="188"/>
        <source>top_k must be &gt;= 1</source>
        <translation>top_k 必须 &gt;= 1</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="189"/>
        <source>epoch statistics are malformed: {reason}</source>
        <translation>轮次统计格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="190"/>
        <source>a run&apos;s stop reason must be completed, stopped or early-stopped, got &apos;{value}&apos;</source>
        <translation>运行的结束原因必须是 completed、stopped 或 early-stopped，实际为“{value}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="192"/>
        <source>the file holds no training position to resume</source>
        <translation>该文件中没有可供继续训练的训练进度</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="193"/>
        <source>the preprocessing makes {prepared} inputs but the model&apos;s Input expects {input}</source>
        <translation>预处理生成的输入为 {prepared}，但模型的 Input 需要 {input}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="195"/>
        <source>the loss became NaN at epoch {epoch}, batch {batch} (learning rate {rate}); the weights are kept from the step before. Try a lower learning rate or gradient clipping.</source>
        <translation>损失在第 {epoch} 轮、第 {batch} 批时变为 NaN（学习率 {rate}）；已保留上一步的权重。请尝试降低学习率或使用梯度裁剪。</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="198"/>
        <source>the loss became infinite at epoch {epoch}, batch {batch} (learning rate {rate}); the weights are kept from the step before. Try a lower learning rate or gradient clipping.</source>
        <translation>损失在第 {epoch} 轮、第 {batch} 批时变为无穷大（学习率 {rate}）；已保留上一步的权重。请尝试降低学习率或使用梯度裁剪。</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="201"/>
        <source>the training set is empty</source>
        <translation>训练集为空</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="202"/>
        <source>the model&apos;s output is {shape}; a classifier must end in a flat layer (Dense or GlobalAveragePooling2D)</source>
        <translation>模型的输出为 {shape}；分类器必须以扁平输出的层结尾（Dense 或 GlobalAveragePooling2D）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="205"/>
        <source>the dataset has {classes} classes but the model&apos;s output has {units} units; set the last Dense layer&apos;s units to {classes}</source>
        <translation>数据集有 {classes} 个类别，但模型的输出只有 {units} 个单元；请将最后一个 Dense 层的单元数设为 {classes}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="208"/>
        <source>checkpoint: best-weights tensor {index} is missing</source>
        <translation>检查点：缺少最佳权重张量 {index}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="209"/>
        <source>the file holds no training checkpoint</source>
        <translation>该文件中没有训练检查点</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="210"/>
        <source>checkpoint: optimizer slot {index} is missing</source>
        <translation>检查点：缺少优化器状态 {index}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="211"/>
        <source>the checkpoint is malformed: {reason}</source>
        <translation>检查点格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="212"/>
        <source>fine-tuning starts from the project&apos;s weights, but the project has none; train it from scratch first</source>
        <translation>微调需要从项目的权重开始，但该项目还没有权重；请先从头训练</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="215"/>
        <source>the checkpoint holds no training position to resume</source>
        <translation>该检查点中没有可供继续训练的训练进度</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="217"/>
        <source>graph: expected an object with a &quot;nodes&quot; array</source>
        <translation>graph：需要一个包含“nodes”数组的对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="218"/>
        <source>graph node #{node}: expected an object</source>
        <translation>图节点 #{node}：需要一个对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="219"/>
        <source>graph node #{node}: position must be [x, y]</source>
        <translation>图节点 #{node}：位置必须是 [x, y]</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="220"/>
        <source>graph node #{node} is malformed: {reason}</source>
        <translation>图节点 #{node} 格式有误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="221"/>
        <source>graph node #{node} (&apos;{name}&apos;): options must be an object</source>
        <translation>图节点 #{node}（“{name}”）：选项必须是对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="222"/>
        <source>graph node #{node}: id must be positive, got {id}</source>
        <translation>图节点 #{node}：id 必须是正数，实际为 {id}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="223"/>
        <source>graph node #{node}: duplicate node id {id}</source>
        <translation>图节点 #{node}：节点 id {id} 重复</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="224"/>
        <source>graph node #{node}: duplicate layer name &apos;{name}&apos;</source>
        <translation>图节点 #{node}：层名称“{name}”重复</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="225"/>
        <source>model input expects samples of {expected}, got {got}</source>
        <translation>模型输入需要形状为 {expected} 的样本，实际为 {got}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="226"/>
        <source>{layer}: more than 8 inputs are not supported</source>
        <translation>{layer}：不支持超过 8 个输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="229"/>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="230"/>
        <source>schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="231"/>
        <source>random generator state is malformed</source>
        <translation>随机数生成器的状态格式有误</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="232"/>
        <source>{owner} option &apos;{option}&apos; must be &gt; 0; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须 &gt; 0；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="233"/>
        <source>{owner} option &apos;{option}&apos; must be &gt;= 0; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须 &gt;= 0；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="234"/>
        <source>{owner} option &apos;{option}&apos; must be &gt;= 0 (0 turns clipping off); received: {value}</source>
        <translation>{owner} 的选项“{option}”必须 &gt;= 0（0 表示关闭裁剪）；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="236"/>
        <source>{owner} option &apos;{option}&apos; must be &gt;= 1; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须 &gt;= 1；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="237"/>
        <source>{owner} option &apos;{option}&apos; must be a finite float; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须是有限的浮点数；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="238"/>
        <source>{owner} option &apos;{option}&apos; must be a number; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须是数字；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="239"/>
        <source>{owner} option &apos;{option}&apos; must be a string; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须是字符串；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="240"/>
        <source>{owner} option &apos;{option}&apos; must be a whole number; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须是整数；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="241"/>
        <source>{owner} option &apos;{option}&apos; must be below 1 for &apos;plateau&apos; (1 would never reduce the rate); received: {value}</source>
        <translation>{owner} 的选项“{option}”在“plateau”下必须小于 1（为 1 时学习率永远不会降低）；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="244"/>
        <source>{owner} option &apos;{option}&apos; must be in (0, 1]; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须在 (0, 1] 范围内；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="245"/>
        <source>{owner} option &apos;{option}&apos; must be in [0, 1); received: {value}</source>
        <translation>{owner} 的选项“{option}”必须在 [0, 1) 范围内；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="246"/>
        <source>{owner} option &apos;{option}&apos; must be true or false; received: {value}</source>
        <translation>{owner} 的选项“{option}”必须是 true 或 false；收到的是：{value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="248"/>
        <source>the model has no trained weights; train it first</source>
        <translation>模型没有训练好的权重；请先训练</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="249"/>
        <source>the model&apos;s input {input} does not match its preprocessing {prepared}</source>
        <translation>模型的输入 {input} 与其预处理 {prepared} 不一致</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="250"/>
        <source>cannot classify an empty image</source>
        <translation>无法对空图像进行分类</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="251"/>
        <source>only 8-bit images can be classified, got OpenCV depth {depth}</source>
        <translation>只能对 8 位图像分类，实际为 OpenCV 深度 {depth}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="252"/>
        <source>cannot decode &apos;{file}&apos;: {reason}</source>
        <translation>无法解码“{file}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="253"/>
        <source>cannot decode &apos;{file}&apos;: not an image OpenCV can read, or corrupt</source>
        <translation>无法解码“{file}”：不是 OpenCV 能读取的图像，或已损坏</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="254"/>
        <source>the camera {source} could not be opened: {reason}</source>
        <translation>无法打开摄像头 {source}：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="255"/>
        <source>the camera {source} opened but delivers no frames</source>
        <translation>摄像头 {source} 已打开，但没有送出任何画面</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="256"/>
        <source>the video file &apos;{source}&apos; could not be opened: {reason}</source>
        <translation>无法打开视频文件“{source}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="257"/>
        <source>the video file &apos;{source}&apos; opened but delivers no frames (empty, or a format OpenCV cannot decode)</source>
        <translation>视频文件“{source}”已打开，但没有送出任何画面（为空，或是 OpenCV 无法解码的格式）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="260"/>
        <source>the stream &apos;{source}&apos; could not be opened: {reason}</source>
        <translation>无法打开视频流“{source}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="261"/>
        <source>the stream &apos;{source}&apos; opened but delivers no frames</source>
        <translation>视频流“{source}”已打开，但没有送出任何画面</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="262"/>
        <source>the GStreamer pipeline &apos;{source}&apos; could not be opened: {reason}</source>
        <translation>无法打开 GStreamer 管道“{source}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="263"/>
        <source>the GStreamer pipeline &apos;{source}&apos; opened but delivers no frames</source>
        <translation>GStreamer 管道“{source}”已打开，但没有送出任何画面</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="264"/>
        <source>no video source given: enter a camera number, a video file, a stream URL or a GStreamer pipeline</source>
        <translation>未指定视频源：请输入摄像头编号、视频文件、视频流网址或 GStreamer 管道</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="267"/>
        <source>&apos;{value}&apos; is not a camera number (0, 1, 2, ...)</source>
        <translation>“{value}”不是摄像头编号（0、1、2……）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="268"/>
        <source>&apos;{value}&apos; names no source</source>
        <translation>“{value}”没有指明任何视频源</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="269"/>
        <source>camera numbers start at 0, got {value}</source>
        <translation>摄像头编号从 0 开始，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="270"/>
        <source>camera {camera} could not be opened: there is no such camera, or another program is using it</source>
        <translation>无法打开摄像头 {camera}：没有这个摄像头，或另一个程序正在使用它</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="272"/>
        <source>the video file &apos;{file}&apos; does not exist</source>
        <translation>视频文件“{file}”不存在</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="273"/>
        <source>&apos;{file}&apos; is a folder, not a video file</source>
        <translation>“{file}”是文件夹，不是视频文件</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="274"/>
        <source>the video file &apos;{file}&apos; could not be opened: not a video, or no decoder for its format</source>
        <translation>无法打开视频文件“{file}”：不是视频，或没有该格式的解码器</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="276"/>
        <source>the stream &apos;{url}&apos; could not be opened: check the address and that the server is reachable</source>
        <translation>无法打开视频流“{url}”：请检查地址以及服务器是否可以访问</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="278"/>
        <source>this OpenCV has no GStreamer support, so pipelines cannot be opened</source>
        <translation>此 OpenCV 不支持 GStreamer，因此无法打开管道</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="279"/>
        <source>the GStreamer pipeline &apos;{pipeline}&apos; could not be started: check its elements (gst-inspect-1.0) and that it ends in &apos;! videoconvert ! appsink&apos;</source>
        <translation>无法启动 GStreamer 管道“{pipeline}”：请检查其中的元素（gst-inspect-1.0），并确认它以“! videoconvert ! appsink”结尾</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="282"/>
        <source>the region of interest must be x,y,w,h in pixels (e.g. 80,0,480,480), got &apos;{value}&apos;</source>
        <translation>感兴趣区域必须是以像素为单位的 x,y,w,h（例如 80,0,480,480），实际为“{value}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="284"/>
        <source>the region of interest &apos;{value}&apos; needs x,y &gt;= 0 and a width and height of at least 1</source>
        <translation>感兴趣区域“{value}”要求 x,y &gt;= 0，且宽和高至少为 1</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="286"/>
        <source>cannot classify an empty frame</source>
        <translation>无法对空画面进行分类</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="287"/>
        <source>the region of interest lies outside the {size} frame</source>
        <translation>感兴趣区域位于 {size} 画面之外</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="289"/>
        <source>{file}: not an IDX images file: magic number {magic}, expected {expected} (unsigned bytes, {rank} dimensions)</source>
        <translation>{file}：不是 IDX 图像文件：魔数为 {magic}，应为 {expected}（无符号字节，{rank} 维）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="292"/>
        <source>{file}: not an IDX labels file: magic number {magic}, expected {expected} (unsigned bytes, {rank} dimensions)</source>
        <translation>{file}：不是 IDX 标签文件：魔数为 {magic}，应为 {expected}（无符号字节，{rank} 维）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="295"/>
        <source>augmentation: expected a JSON object</source>
        <translation>数据增强：应为 JSON 对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="296"/>
        <source>augmentation: unknown transform &apos;{transform}&apos; (known: shift, rotate, zoom, hflip, vflip, brightness, contrast, noise, erase, crop)</source>
        <translation>数据增强：未知变换“{transform}”（已知：shift、rotate、zoom、hflip、vflip、brightness、contrast、noise、erase、crop）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="299"/>
        <source>augmentation &apos;{transform}&apos; is malformed: {reason}</source>
        <translation>数据增强“{transform}”格式错误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="300"/>
        <source>--augment &apos;{item}&apos;: &apos;{value}&apos; is not a number</source>
        <translation>--augment“{item}”：“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="301"/>
        <source>--augment: unknown transform &apos;{transform}&apos; (known: {known}, none)</source>
        <translation>--augment：未知变换“{transform}”（已知：{known}、none）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="302"/>
        <source>--augment &apos;{item}&apos;: {transform} takes no amount</source>
        <translation>--augment“{item}”：{transform} 不接受幅度值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="303"/>
        <source>--augment &apos;{item}&apos;: amount {value} is outside 0..{max}</source>
        <translation>--augment“{item}”：幅度 {value} 超出 0..{max}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="304"/>
        <source>--augment &apos;{item}&apos;: probability {value} is outside 0..1</source>
        <translation>--augment“{item}”：概率 {value} 超出 0..1</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="305"/>
        <source>--augment needs a value, e.g. --augment shift=0.1,hflip</source>
        <translation>--augment 需要一个值，例如 --augment shift=0.1,hflip</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="306"/>
        <source>cannot convert {channels}-channel images to {target} channels</source>
        <translation>无法将 {channels} 通道图像转换为 {target} 通道</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="307"/>
        <source>assembleBatch: sample index {index} is outside the dataset of {size}</source>
        <translation>assembleBatch：样本索引 {index} 超出了大小为 {size} 的数据集</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="308"/>
        <source>built-in shapes: {count} images of {size} are not possible (8..1024 pixels, 1 or 3 channels)</source>
        <translation>内置形状数据：无法生成 {count} 张 {size} 的图像（8..1024 像素，1 或 3 通道）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="310"/>
        <source>unknown built-in data set &apos;{name}&apos; (known: builtin:shapes)</source>
        <translation>未知的内置数据集“{name}”（已知：builtin:shapes）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="311"/>
        <source>a class needs a name</source>
        <translation>类别需要一个名称</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="312"/>
        <source>the class name is longer than 100 characters</source>
        <translation>类别名称超过 100 个字符</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="313"/>
        <source>&apos;{name}&apos; cannot be a class name</source>
        <translation>“{name}”不能用作类别名称</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="314"/>
        <source>class names cannot start with &apos;.&apos; (such folders are hidden)</source>
        <translation>类别名称不能以“.”开头（这样的文件夹是隐藏的）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="315"/>
        <source>class names cannot start or end with a space</source>
        <translation>类别名称不能以空格开头或结尾</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="316"/>
        <source>class names cannot contain &apos;/&apos;, &apos;\&apos;, &apos;:&apos; or control characters</source>
        <translation>类别名称不能包含“/”、“\”、“:”或控制字符</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="317"/>
        <source>&apos;{name}&apos; is reserved for train/validation/test folders</source>
        <translation>“{name}”保留给 train/validation/test 文件夹使用</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="318"/>
        <source>{folder}: cannot create the class folder ({reason})</source>
        <translation>{folder}：无法创建类别文件夹（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="319"/>
        <source>cannot save an empty frame</source>
        <translation>无法保存空画面</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="320"/>
        <source>only 8-bit frames can be saved</source>
        <translation>只能保存 8 位画面</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="321"/>
        <source>{file}: cannot encode the frame</source>
        <translation>{file}：无法编码该画面</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="322"/>
        <source>{file}: cannot encode the frame ({reason})</source>
        <translation>{file}：无法编码该画面（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="323"/>
        <source>{file}: truncated record {record}: expected {expected} bytes, got {got}</source>
        <translation>{file}：记录 {record} 被截断：应为 {expected} 字节，实际 {got} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="324"/>
        <source>{file}: record {record} has label {label}, but there are only {classes} classes</source>
        <translation>{file}：记录 {record} 的标签为 {label}，但只有 {classes} 个类别</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="326"/>
        <source>{file}: holds no records</source>
        <translation>{file}：不含任何记录</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="327"/>
        <source>{folder}: folder does not exist</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="328"/>
        <source>{folder}: no CIFAR-10 training batches (data_batch_*.bin) found</source>
        <translation>{folder}：未找到 CIFAR-10 训练批次（data_batch_*.bin）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="329"/>
        <source>{file}: an IDX file name must contain &apos;images&apos; or &apos;labels&apos; to find its pair</source>
        <translation>{file}：IDX 文件名必须包含“images”或“labels”才能找到与之配对的文件</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="330"/>
        <source>unknown data format &apos;{format}&apos; (known: auto, idx, folder, cifar10, builtin)</source>
        <translation>未知的数据格式“{format}”（已知：auto、idx、folder、cifar10、builtin）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="331"/>
        <source>{file}: does not exist (and is not &apos;builtin&apos; or &apos;builtin:shapes&apos;)</source>
        <translation>{file}：不存在（也不是“builtin”或“builtin:shapes”）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="332"/>
        <source>{file}: is a file of no known data format; give a folder (IDX files, CIFAR-10 batches or one sub-folder per class), an IDX *-ubyte[.gz] file, a CIFAR-10 .bin batch, or builtin:shapes</source>
        <translation>{file}：不是任何已知数据格式的文件；请提供一个文件夹（IDX 文件、CIFAR-10 批次或每个类别一个子文件夹）、一个 IDX *-ubyte[.gz] 文件、一个 CIFAR-10 .bin 批次，或 builtin:shapes</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="335"/>
        <source>{file}: no loader for this format</source>
        <translation>{file}：没有此格式的加载器</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="336"/>
        <source>Dataset::subset: index {index} is outside 0..{size} (exclusive)</source>
        <translation>Dataset::subset：索引 {index} 超出 0..{size}（不含）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="337"/>
        <source>{file}: cannot be written ({reason})</source>
        <translation>{file}：无法写入（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="338"/>
        <source>{file}: cannot be written</source>
        <translation>{file}：无法写入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="339"/>
        <source>{folder}: exists and is not a folder</source>
        <translation>{folder}：已存在且不是文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="340"/>
        <source>{folder}: cannot create folder ({reason})</source>
        <translation>{folder}：无法创建文件夹（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="341"/>
        <source>{file}: no images to lay out</source>
        <translation>{file}：没有可排布的图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="342"/>
        <source>{file}: header claims {claim} = {bytes} bytes, but the file ({compressed} bytes compressed) can hold at most {available} bytes after the header</source>
        <translation>{file}：文件头声称 {claim} = {bytes} 字节，但该文件（压缩后 {compressed} 字节）在文件头之后最多只能容纳 {available} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="345"/>
        <source>{file}: header claims {claim} = {bytes} bytes, but the file holds only {available} bytes after the header</source>
        <translation>{file}：文件头声称 {claim} = {bytes} 字节，但该文件在文件头之后只有 {available} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="348"/>
        <source>{file}: header claims {count} images, more than the supported {max}</source>
        <translation>{file}：文件头声称有 {count} 张图像，超过了支持的上限 {max}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="349"/>
        <source>{file}: image size {size} is outside 1..4096</source>
        <translation>{file}：图像尺寸 {size} 超出 1..4096</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="350"/>
        <source>{file}: {channels} channels per pixel; only 1 (gray) or 3 (RGB) are supported</source>
        <translation>{file}：每像素 {channels} 个通道；只支持 1（灰度）或 3（RGB）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="351"/>
        <source>{file}: holds {count} labels but {images_file} holds {images} images</source>
        <translation>{file}：含有 {count} 个标签，但 {images_file} 含有 {images} 张图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="352"/>
        <source>{folder}: is not a folder</source>
        <translation>{folder}：不是文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="353"/>
        <source>{folder}: no IDX training pair (train-images-*-ubyte[.gz] and train-labels-*-ubyte[.gz]) in this folder</source>
        <translation>{folder}：此文件夹中没有 IDX 训练文件对（train-images-*-ubyte[.gz] 和 train-labels-*-ubyte[.gz]）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="356"/>
        <source>{file}: image size differs from {other}</source>
        <translation>{file}：图像尺寸与 {other} 不同</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="357"/>
        <source>{folder}: no images found; expected one sub-folder per class holding .png, .jpg, .jpeg, .bmp or .webp files (optionally below train/, val/ and test/)</source>
        <translation>{folder}：未找到图像；应为每个类别一个子文件夹，其中存放 .png、.jpg、.jpeg、.bmp 或 .webp 文件（可选地放在 train/、val/ 和 test/ 之下）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="360"/>
        <source>{folder}: none of its {count} image files can be read (first: {file}: {reason})</source>
        <translation>{folder}：其中 {count} 个图像文件都无法读取（第一个：{file}：{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="362"/>
        <source>{folder}: image size {size} is not supported (up to 4096, 1 or 3 channels)</source>
        <translation>{folder}：不支持图像尺寸 {size}（最大 4096，1 或 3 通道）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="363"/>
        <source>{folder}: no readable training images ({count} files tried, no problems)</source>
        <translation>{folder}：没有可读取的训练图像（尝试了 {count} 个文件，没有问题）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="364"/>
        <source>{folder}: no readable training images ({count} files tried, {problems} problems; first: {file}: {reason})</source>
        <translation>{folder}：没有可读取的训练图像（尝试了 {count} 个文件，{problems} 个问题；第一个：{file}：{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="367"/>
        <source>loading cancelled</source>
        <translation>加载已取消</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="368"/>
        <source>batch size must be at least 1, got {value}</source>
        <translation>批大小至少为 1，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="369"/>
        <source>preprocessing: unknown scaling &apos;{scaling}&apos; (known: unit, standardize)</source>
        <translation>预处理：未知的缩放方式“{scaling}”（已知：unit、standardize）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="370"/>
        <source>preprocessing is malformed: {reason}</source>
        <translation>预处理格式错误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="371"/>
        <source>preprocessing: input size {size} is outside 1..4096</source>
        <translation>预处理：输入尺寸 {size} 超出 1..4096</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="372"/>
        <source>preprocessing: channels must be 1 or 3, got {value}</source>
        <translation>预处理：通道数必须为 1 或 3，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="373"/>
        <source>preprocessing: std of channel {channel} must be &gt; 0</source>
        <translation>预处理：通道 {channel} 的标准差必须 &gt; 0</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="374"/>
        <source>sample {sample} has label {label}, outside 0..{max}</source>
        <translation>样本 {sample} 的标签为 {label}，超出 0..{max}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="375"/>
        <source>validation fraction must be in [0, 1), got {value}</source>
        <translation>验证集比例必须在 [0, 1) 之内，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="377"/>
        <source>cannot write &apos;{file}&apos;: {reason}</source>
        <translation>无法写入“{file}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="378"/>
        <source>cannot read &apos;{file}&apos;: {reason}</source>
        <translation>无法读取“{file}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="379"/>
        <source>cannot write &apos;{file}&apos;: its temporary file keeps disappearing</source>
        <translation>无法写入“{file}”：它的临时文件不断消失</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="380"/>
        <source>cannot replace &apos;{file}&apos;: {reason}</source>
        <translation>无法替换“{file}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="381"/>
        <source>&apos;{file}&apos; is a folder, not a file</source>
        <translation>“{file}”是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="382"/>
        <source>cannot open &apos;{file}&apos;: {reason}</source>
        <translation>无法打开“{file}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="383"/>
        <source>&apos;{file}&apos; is {bytes} bytes, more than the {limit} this reader accepts</source>
        <translation>“{file}”有 {bytes} 字节，超过了此读取器接受的 {limit}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="384"/>
        <source>cannot read &apos;{file}&apos;: read {got} of {bytes} bytes</source>
        <translation>无法读取“{file}”：只读到 {bytes} 字节中的 {got} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="385"/>
        <source>unknown code template &apos;{name}&apos;; known templates: {known}</source>
        <translation>未知的代码模板“{name}”；已知模板：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="386"/>
        <source>{template}: the placeholder __{key}__ has no value</source>
        <translation>{template}：占位符 __{key}__ 没有值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="387"/>
        <source>{template}: no placeholder __{key}__ for its value</source>
        <translation>{template}：没有与该值对应的占位符 __{key}__</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="388"/>
        <source>{tensor}: holds {have} bytes of data but its shape needs {need}</source>
        <translation>{tensor}：含有 {have} 字节数据，但其形状需要 {need}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="389"/>
        <source>{tensor}: holds {have} values but its shape needs {need}</source>
        <translation>{tensor}：含有 {have} 个值，但其形状需要 {need}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="390"/>
        <source>{tensor}: dimension {value} is invalid</source>
        <translation>{tensor}：维度 {value} 无效</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="391"/>
        <source>{tensor}: {count} values is too large</source>
        <translation>{tensor}：{count} 个值太多</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="392"/>
        <source>{tensor}: tensor data stored in an external file is not supported</source>
        <translation>{tensor}：不支持存放在外部文件中的张量数据</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="393"/>
        <source>{tensor}: tensor element type {type} is not supported (float, double, int32 and int64 are)</source>
        <translation>{tensor}：不支持张量元素类型 {type}（支持 float、double、int32 和 int64）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="395"/>
        <source>ONNX export: opset {opset} is not supported; use {min} to {max}</source>
        <translation>ONNX 导出：不支持 opset {opset}；请使用 {min} 到 {max}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="396"/>
        <source>ONNX export: {layer} has no ONNX form (layer kind &apos;{kind}&apos;)</source>
        <translation>ONNX 导出：{layer} 没有对应的 ONNX 形式（层类型“{kind}”）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="397"/>
        <source>ONNX export produced a model the ONNX checker rejects (a ConvStudio bug): {reason}</source>
        <translation>ONNX 导出生成的模型未通过 ONNX 检查器（这是 ConvStudio 的缺陷）：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="399"/>
        <source>ONNX export: the model could not be serialized</source>
        <translation>ONNX 导出：无法序列化该模型</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="400"/>
        <source>OpenCV DNN returned {values} values for a batch of {batch}</source>
        <translation>OpenCV DNN 对 {batch} 张图像的批次返回了 {values} 个值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="401"/>
        <source>OpenCV DNN could not run the ONNX model: {reason}</source>
        <translation>OpenCV DNN 无法运行该 ONNX 模型：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="402"/>
        <source>parity check: the model has no trained weights</source>
        <translation>一致性检查：模型没有训练好的权重</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="403"/>
        <source>parity check: OpenCV DNN gives {theirs} outputs per image, the engine {ours}</source>
        <translation>一致性检查：OpenCV DNN 每张图像输出 {theirs} 个值，引擎输出 {ours} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="404"/>
        <source>parity check: the dataset is empty</source>
        <translation>一致性检查：数据集为空</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="405"/>
        <source>parity check: the images are {images} but the model takes {input}</source>
        <translation>一致性检查：图像为 {images}，但模型接受 {input}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="406"/>
        <source>unknown preset &apos;{preset}&apos;; known presets: {known}</source>
        <translation>未知预设“{preset}”；已知预设：{known}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="407"/>
        <source>preset &apos;{preset}&apos; is malformed: {reason}</source>
        <translation>预设“{preset}”格式错误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="408"/>
        <source>{file}: the input scaling inverts some channels but not others</source>
        <translation>{file}：输入缩放只反转了部分通道</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="409"/>
        <source>{file}: the input scaling multiplies a channel by 0</source>
        <translation>{file}：输入缩放把某个通道乘以 0</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="410"/>
        <source>{file}: is empty</source>
        <translation>{file}：为空</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="411"/>
        <source>{file}: is not a valid ONNX file (its protobuf data is truncated or corrupt)</source>
        <translation>{file}：不是有效的 ONNX 文件（其 protobuf 数据被截断或已损坏）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="412"/>
        <source>{file}: holds no graph</source>
        <translation>{file}：不含计算图</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="413"/>
        <source>{file}: metadata &apos;{key}&apos; is not valid JSON: {reason}</source>
        <translation>{file}：元数据“{key}”不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="414"/>
        <source>{file}: fails the ONNX checker: {reason}</source>
        <translation>{file}：未通过 ONNX 检查器：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="415"/>
        <source>{file}: the imported graph does not build: {reason}</source>
        <translation>{file}：导入的计算图无法构建：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="416"/>
        <source>{file}: the output must be (batch, classes), got {shape}</source>
        <translation>{file}：输出必须为（批, 类别），实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="417"/>
        <source>{file}: the input has {channels} channels; ConvStudio models take 1 (grayscale) or 3 (RGB)</source>
        <translation>{file}：输入有 {channels} 个通道；ConvStudio 模型接受 1（灰度）或 3（RGB）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="419"/>
        <source>{file}: metadata preprocessing makes {prepared} inputs but the model takes {input}</source>
        <translation>{file}：元数据中的预处理生成 {prepared} 输入，但模型接受 {input}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="421"/>
        <source>{file}: {node}: {reason}</source>
        <translation>{file}：{node}：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="422"/>
        <source>input &apos;{input}&apos; is neither an initializer, a graph input nor an earlier node&apos;s output</source>
        <translation>输入“{input}”既不是初始值、图输入，也不是之前节点的输出</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="424"/>
        <source>input {index} is missing</source>
        <translation>缺少输入 {index}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="425"/>
        <source>input &apos;{input}&apos; must be computed from the image, not a constant</source>
        <translation>输入“{input}”必须由图像计算得到，而不是常量</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="426"/>
        <source>input &apos;{input}&apos; must be a constant (an initializer)</source>
        <translation>输入“{input}”必须是常量（初始值）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="427"/>
        <source>has no output</source>
        <translation>没有输出</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="428"/>
        <source>as {kind}: {reason}</source>
        <translation>作为 {kind}：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="429"/>
        <source>{file}: has several inputs (&apos;{first}&apos;, &apos;{second}&apos;); ConvStudio models take one image</source>
        <translation>{file}：有多个输入（“{first}”、“{second}”）；ConvStudio 模型只接受一张图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="431"/>
        <source>{file}: the graph has no input</source>
        <translation>{file}：计算图没有输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="432"/>
        <source>{file}: input &apos;{input}&apos; must be float32 (element type {type})</source>
        <translation>{file}：输入“{input}”必须是 float32（元素类型 {type}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="433"/>
        <source>{file}: input &apos;{input}&apos; must be an image batch (N, C, H, W) with fixed C, H, W</source>
        <translation>{file}：输入“{input}”必须是 C、H、W 固定的图像批次（N, C, H, W）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="435"/>
        <source>{file}: has {count} outputs; ConvStudio models have one</source>
        <translation>{file}：有 {count} 个输出；ConvStudio 模型只有一个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="436"/>
        <source>{file}: output &apos;{output}&apos; is not computed by any node</source>
        <translation>{file}：输出“{output}”不由任何节点计算</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="437"/>
        <source>{file}: output &apos;{output}&apos; must be (batch, classes), got an image {shape}</source>
        <translation>{file}：输出“{output}”必须为（批, 类别），实际为图像 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="438"/>
        <source>{file}: the output is the input; the model has no layers</source>
        <translation>{file}：输出就是输入；模型没有任何层</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="439"/>
        <source>op domain &apos;{domain}&apos; is not supported (only the standard ONNX ops are)</source>
        <translation>不支持算子域“{domain}”（只支持标准 ONNX 算子）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="440"/>
        <source>has no outputs; every node must produce a value</source>
        <translation>没有输出；每个节点都必须产生一个值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="441"/>
        <source>has no input; op &apos;{op}&apos; needs at least one</source>
        <translation>没有输入；算子“{op}”至少需要一个输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="442"/>
        <source>has no supported value attribute</source>
        <translation>没有受支持的 value 属性</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="443"/>
        <source>negative slope {slope} is not supported; ConvStudio&apos;s leaky_relu uses 0.2</source>
        <translation>不支持负斜率 {slope}；ConvStudio 的 leaky_relu 使用 0.2</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="444"/>
        <source>alpha other than 1 is not supported</source>
        <translation>不支持不等于 1 的 alpha</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="445"/>
        <source>unsupported op &apos;{op}&apos;; ConvStudio imports Conv, Relu, LeakyRelu, Elu, Sigmoid, Tanh, Softmax, Clip, HardSigmoid, HardSwish, Gelu, MaxPool, AveragePool, GlobalAveragePool, ReduceMean, BatchNormalization, Gemm, MatMul, Add, Sum, Mul, Concat, Slice, Split, Flatten, Reshape, Squeeze, Dropout, Pad, Transpose, Identity, and shape arithmetic on constants</source>
        <translation>不支持的算子“{op}”；ConvStudio 可导入 Conv, Relu, LeakyRelu, Elu, Sigmoid, Tanh, Softmax, Clip, HardSigmoid, HardSwish, Gelu, MaxPool, AveragePool, GlobalAveragePool, ReduceMean, BatchNormalization, Gemm, MatMul, Add, Sum, Mul, Concat, Slice, Split, Flatten, Reshape, Squeeze, Dropout, Pad, Transpose, Identity, and shape arithmetic on constants</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="450"/>
        <source>follows a Pad node; only Conv and MaxPool may</source>
        <translation>位于 Pad 节点之后；只有 Conv 和 MaxPool 可以</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="451"/>
        <source>softmax over axis {axis} is not supported; ConvStudio&apos;s softmax is over the channels/features</source>
        <translation>不支持沿轴 {axis} 的 softmax；ConvStudio 的 softmax 作用于通道/特征</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="453"/>
        <source>opset {opset} softmax normalises over C*H*W, which ConvStudio cannot represent</source>
        <translation>opset {opset} 的 softmax 在 C*H*W 上归一化，ConvStudio 无法表示</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="455"/>
        <source>axis {axis} is not supported; only axis 1 keeps the batch</source>
        <translation>不支持轴 {axis}；只有轴 1 保留批维度</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="456"/>
        <source>reshape to [{shape}] is not supported; only flattening (batch, ...) to (batch, {size}) is</source>
        <translation>不支持变形为 [{shape}]；只支持把（批, ...）展平为（批, {size}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="458"/>
        <source>only squeezing the 1x1 spatial axes (2, 3) after global pooling is supported</source>
        <translation>只支持在全局池化后压缩 1x1 的空间轴（2, 3）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="459"/>
        <source>its inputs must be plain NCHW images or flat features (input &apos;{input}&apos; is not)</source>
        <translation>其输入必须是普通 NCHW 图像或扁平特征（输入“{input}”不是）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="461"/>
        <source>concatenation along axis {axis} is not supported; only channels/features (axis 1)</source>
        <translation>不支持沿轴 {axis} 拼接；只支持通道/特征（轴 1）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="463"/>
        <source>{op} by a constant is only supported right after the input, as preprocessing</source>
        <translation>与常量的 {op} 只支持紧跟在输入之后，作为预处理</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="464"/>
        <source>dividing a constant by the image is not supported</source>
        <translation>不支持用常量除以图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="465"/>
        <source>the constant must be a scalar or one value per channel</source>
        <translation>常量必须是标量或每通道一个值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="466"/>
        <source>divides by zero</source>
        <translation>除以零</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="467"/>
        <source>only padding an NCHW image once is supported</source>
        <translation>只支持对 NCHW 图像填充一次</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="468"/>
        <source>only constant padding is supported</source>
        <translation>只支持常量填充</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="469"/>
        <source>only non-negative padding of height and width is supported</source>
        <translation>只支持对高和宽做非负填充</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="470"/>
        <source>only NHWC &lt;-&gt; NCHW transposes of images are supported</source>
        <translation>只支持图像的 NHWC &lt;-&gt; NCHW 转置</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="471"/>
        <source>multiplies HardSigmoid(x; 1/6, 0) by something other than 6 (relu6)</source>
        <translation>把 HardSigmoid(x; 1/6, 0) 乘以 6 以外的值（relu6 需要 6）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="472"/>
        <source>the tanh approximation of GELU is not supported; ConvStudio&apos;s gelu is the exact (erf) form</source>
        <translation>不支持 GELU 的 tanh 近似；ConvStudio 的 gelu 是精确（erf）形式</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="474"/>
        <source>Erf is supported only as part of GELU: Div(x, sqrt 2), Erf, Add 1, Mul by x, Mul by 0.5</source>
        <translation>Erf 只在 GELU 中受支持：Div(x, sqrt 2)、Erf、Add 1、Mul x、Mul 0.5</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="476"/>
        <source>its bounds must be constants</source>
        <translation>其上下界必须是常量</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="477"/>
        <source>clips to [{low}, {high}]; ConvStudio has relu6 (0 to 6) and relu (0 to infinity)</source>
        <translation>截断到 [{low}, {high}]；ConvStudio 只有 relu6（0 到 6）和 relu（0 到无穷）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="479"/>
        <source>alpha {alpha} and beta {beta} are not supported; ConvStudio&apos;s hard_sigmoid is PyTorch&apos;s (alpha 1/6, beta 0.5)</source>
        <translation>不支持 alpha {alpha} 和 beta {beta}；ConvStudio 的 hard_sigmoid 与 PyTorch 相同（alpha 1/6，beta 0.5）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="482"/>
        <source>its inputs must be plain NCHW images or flat features</source>
        <translation>其输入必须是普通 NCHW 图像或扁平特征</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="483"/>
        <source>on pooled 1x1 features only a 1x1 convolution over all {channels} channels (group 1) is supported</source>
        <translation>在池化后的 1x1 特征上只支持覆盖全部 {channels} 个通道的 1x1 卷积（分组为 1）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="486"/>
        <source>padding a 1x1 pooled input is not supported</source>
        <translation>不支持填充池化后的 1x1 输入</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="487"/>
        <source>bias has {count} values for {filters} filters</source>
        <translation>偏置有 {count} 个值，但有 {filters} 个滤波器</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="488"/>
        <source>on the 5-D grouped view of channels only the transpose (0, 2, 1, 3, 4) of a channel shuffle is supported</source>
        <translation>在通道的 5 维分组视图上只支持通道混洗的转置 (0, 2, 1, 3, 4)</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="491"/>
        <source>reshaping a {shape} image to 5-D is supported only as the (N, groups, C/groups, H, W) view of a channel shuffle</source>
        <translation>把 {shape} 图像变形为 5 维只支持通道混洗的 (N, groups, C/groups, H, W) 视图</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="494"/>
        <source>after the grouped view of a channel shuffle, only its transpose and the reshape back to (N, {channels}, {height}, {width}) are supported</source>
        <translation>在通道混洗的分组视图之后，只支持其转置以及变回 (N, {channels}, {height}, {width})</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="497"/>
        <source>only slicing plain NCHW images is supported</source>
        <translation>只支持切片普通 NCHW 图像</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="498"/>
        <source>only a slice of channels (axis 1, step 1) is supported</source>
        <translation>只支持通道切片（轴 1，步长 1）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="499"/>
        <source>the slice of channels {start}..{stop} is empty</source>
        <translation>通道切片 {start}..{stop} 为空</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="500"/>
        <source>only splitting the channels of plain NCHW images is supported</source>
        <translation>只支持拆分普通 NCHW 图像的通道</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="501"/>
        <source>only a split of channels (axis 1) is supported</source>
        <translation>只支持拆分通道（轴 1）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="502"/>
        <source>{channels} channels do not split into {parts} equal parts</source>
        <translation>{channels} 个通道无法平分为 {parts} 份</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="503"/>
        <source>has {sizes} sizes for {parts} outputs</source>
        <translation>有 {sizes} 个大小值，但有 {parts} 个输出</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="504"/>
        <source>its sizes do not fit {channels} channels</source>
        <translation>其大小与 {channels} 个通道不符</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="505"/>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="506"/>
        <source>axis {axis} is out of range for rank {rank}</source>
        <translation>轴 {axis} 超出了秩 {rank} 的范围</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="507"/>
        <source>the result of shape {shape} holds {count} values</source>
        <translation>形状为 {shape} 的结果含有 {count} 个值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="508"/>
        <source>an input of shape {shape} holds {count} values</source>
        <translation>形状为 {shape} 的输入含有 {count} 个值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="509"/>
        <source>shape must be known and small</source>
        <translation>形状必须已知且较小</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="510"/>
        <source>cannot reshape to {shape}</source>
        <translation>无法变形为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="511"/>
        <source>reshapes {count} values to a different count</source>
        <translation>把 {count} 个值变形为不同的数量</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="512"/>
        <source>perm {perm} is not a permutation</source>
        <translation>perm {perm} 不是一个排列</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="513"/>
        <source>perm does not match the rank</source>
        <translation>perm 与秩不符</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="514"/>
        <source>gathers from a scalar</source>
        <translation>从标量中收集</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="515"/>
        <source>index {index} is out of range</source>
        <translation>索引 {index} 超出范围</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="516"/>
        <source>only concatenating constants along their first axis is supported</source>
        <translation>只支持沿第一个轴拼接常量</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="517"/>
        <source>slice has fewer axes or steps than starts</source>
        <translation>切片的轴或步长少于起点</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="518"/>
        <source>slice step {step}</source>
        <translation>切片步长 {step}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="519"/>
        <source>operands of shapes {first} and {second} are neither equal nor one a scalar</source>
        <translation>形状为 {first} 和 {second} 的操作数既不相等，也没有一个是标量</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="520"/>
        <source>arithmetic on the batch size is not supported</source>
        <translation>不支持对批大小做算术运算</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="521"/>
        <source>divides by zero or overflows</source>
        <translation>除以零或溢出</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="522"/>
        <source>the result overflows 64 bits</source>
        <translation>结果超出 64 位</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="523"/>
        <source>pads {pads} (top, left, bottom, right) on a {height}x{width} input fit neither &apos;valid&apos; ([0, 0, 0, 0]) nor TensorFlow&apos;s &apos;same&apos; ({same}), the two paddings ConvStudio layers have</source>
        <translation>{height}x{width} 输入上的填充 {pads}（上、左、下、右）既不符合“valid”([0, 0, 0, 0])，也不符合 TensorFlow 的“same”({same})，这是 ConvStudio 层具有的两种填充</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="526"/>
        <source>with {pad}, pads {pads} (top, left, bottom, right) on a {height}x{width} input fit neither &apos;valid&apos; ([0, 0, 0, 0]) nor TensorFlow&apos;s &apos;same&apos; ({same}), the two paddings ConvStudio layers have</source>
        <translation>加上 {pad} 后，{height}x{width} 输入上的填充 {pads}（上、左、下、右）既不符合“valid”([0, 0, 0, 0])，也不符合 TensorFlow 的“same”({same})，这是 ConvStudio 层具有的两种填充</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="530"/>
        <source>needs a 2-D kernel_shape</source>
        <translation>需要二维的 kernel_shape</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="531"/>
        <source>kernel {height}x{width} is not square; ConvStudio kernels are</source>
        <translation>卷积核 {height}x{width} 不是正方形；ConvStudio 的卷积核是正方形</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="532"/>
        <source>strides must be equal on both axes</source>
        <translation>两个轴上的步长必须相等</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="533"/>
        <source>dilations must be equal on both axes and at least 1; ConvStudio dilates both alike</source>
        <translation>两个轴上的扩张率必须相等且至少为 1；ConvStudio 对两个轴做同样的扩张</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="535"/>
        <source>pads must have 4 values</source>
        <translation>pads 必须有 4 个值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="536"/>
        <source>auto_pad &apos;{mode}&apos; is not supported</source>
        <translation>不支持 auto_pad“{mode}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="537"/>
        <source>ceil_mode adds a partial window here, which ConvStudio layers do not have</source>
        <translation>ceil_mode 在这里会增加不完整的窗口，ConvStudio 层没有这种窗口</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="538"/>
        <source>expects an NCHW image, got {shape}</source>
        <translation>需要 NCHW 图像，实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="539"/>
        <source>weights must be 4-D (filters, channels, kH, kW)</source>
        <translation>权重必须是四维（滤波器, 通道, kH, kW）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="540"/>
        <source>group {group} does not divide the {channels} input channels and {filters} filters</source>
        <translation>分组数 {group} 不能整除 {channels} 个输入通道和 {filters} 个滤波器</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="542"/>
        <source>weights expect {expected} input channels but the input has {channels}</source>
        <translation>权重需要 {expected} 个输入通道，但输入有 {channels} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="543"/>
        <source>kernel_shape does not match the weights</source>
        <translation>kernel_shape 与权重不符</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="544"/>
        <source>follows {pad} whose value is not 0</source>
        <translation>位于填充值不为 0 的 {pad} 之后</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="545"/>
        <source>dilation is not supported for pooling</source>
        <translation>池化不支持扩张</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="546"/>
        <source>count_include_pad=1 counts the padding in the average; ConvStudio&apos;s average pooling does not</source>
        <translation>count_include_pad=1 会把填充计入平均值；ConvStudio 的平均池化不会</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="548"/>
        <source>follows {pad}, whose padding the average would count</source>
        <translation>位于 {pad} 之后，平均值会把其填充计算在内</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="549"/>
        <source>follows {pad} whose value could win the maximum</source>
        <translation>位于 {pad} 之后，其填充值可能成为最大值</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="550"/>
        <source>only the mean over height and width (axes 2, 3) is supported</source>
        <translation>只支持在高和宽（轴 2, 3）上求平均</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="551"/>
        <source>expects flat features (add a Flatten before it), got {shape}</source>
        <translation>需要扁平特征（请在前面加一个 Flatten），实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="552"/>
        <source>weights must be 2-D</source>
        <translation>权重必须是二维</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="553"/>
        <source>transA=1 is not supported</source>
        <translation>不支持 transA=1</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="554"/>
        <source>weights take {expected} features but the input has {features}</source>
        <translation>权重接受 {expected} 个特征，但输入有 {features} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="555"/>
        <source>bias has {count} values for {units} units</source>
        <translation>偏置有 {count} 个值，但有 {units} 个单元</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="556"/>
        <source>adds two constants; fold them before exporting</source>
        <translation>把两个常量相加；请在导出前合并它们</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="557"/>
        <source>adding a constant is only supported as the bias of a MatMul/Conv or as preprocessing after the input</source>
        <translation>加常量只支持作为 MatMul/Conv 的偏置，或作为输入之后的预处理</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="560"/>
        <source>expects NCHW images or flat features</source>
        <translation>需要 NCHW 图像或扁平特征</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="561"/>
        <source>training_mode=1 is not supported</source>
        <translation>不支持 training_mode=1</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="562"/>
        <source>its running-statistics outputs are used</source>
        <translation>使用了其滑动统计量输出</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="563"/>
        <source>{param} has {count} values for {channels} channels</source>
        <translation>{param} 有 {count} 个值，但有 {channels} 个通道</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="564"/>
        <source>ratio must be a constant</source>
        <translation>ratio 必须是常量</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="565"/>
        <source>its mask output is used</source>
        <translation>使用了其掩码输出</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="566"/>
        <source>{file} is malformed: {reason}</source>
        <translation>{file} 格式错误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="567"/>
        <source>{file}: layer &apos;{layer}&apos;: {reason}</source>
        <translation>{file}：层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="568"/>
        <source>{file} is not a ConvStudio model file (bad magic or too short: {bytes} bytes)</source>
        <translation>{file} 不是 ConvStudio 模型文件（魔数错误或太短：{bytes} 字节）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="569"/>
        <source>{file} was written by a newer ConvStudio (format version {version}; this version reads up to {max})</source>
        <translation>{file} 由更新的 ConvStudio 写入（格式版本 {version}；此版本最多读取 {max}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="572"/>
        <source>{file} has an invalid format version 0</source>
        <translation>{file} 的格式版本 0 无效</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="573"/>
        <source>{file}: a tensor table must be a list</source>
        <translation>{file}：张量表必须是列表</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="574"/>
        <source>{file}: tensor &apos;{tensor}&apos; appears twice</source>
        <translation>{file}：张量“{tensor}”出现了两次</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="575"/>
        <source>{file}: tensor &apos;{tensor}&apos; has a malformed shape</source>
        <translation>{file}：张量“{tensor}”的形状格式错误</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="576"/>
        <source>{file}: tensor &apos;{tensor}&apos; has a dimension of {dimension}</source>
        <translation>{file}：张量“{tensor}”有一个维度为 {dimension}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="577"/>
        <source>{file}: tensor &apos;{tensor}&apos; claims {count} values but its shape holds {expected}</source>
        <translation>{file}：张量“{tensor}”声称有 {count} 个值，但其形状容纳 {expected} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="579"/>
        <source>{file} is truncated: tensor &apos;{tensor}&apos; lies beyond the end of the file</source>
        <translation>{file} 被截断：张量“{tensor}”位于文件末尾之后</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="580"/>
        <source>{file}: run_tensors must be a list of at most two groups per run ({runs} runs)</source>
        <translation>{file}：run_tensors 必须是列表，每次运行最多两组（共 {runs} 次运行）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="582"/>
        <source>{file}: run weights name run {run} but the history holds {runs} runs</source>
        <translation>{file}：运行权重指向第 {run} 次运行，但历史中只有 {runs} 次运行</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="583"/>
        <source>{file}: run {run}&apos;s weights must be &apos;best&apos; or &apos;last&apos;, got &apos;{kind}&apos;</source>
        <translation>{file}：第 {run} 次运行的权重必须是“best”或“last”，实际为“{kind}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="584"/>
        <source>{file}: run {run}&apos;s {kind} weights appear twice</source>
        <translation>{file}：第 {run} 次运行的 {kind} 权重出现了两次</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="585"/>
        <source>{file}: run {run} has last weights but no best weights</source>
        <translation>{file}：第 {run} 次运行有最后权重但没有最佳权重</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="586"/>
        <source>weights: tensor &apos;{tensor}&apos; is missing</source>
        <translation>权重：缺少张量“{tensor}”</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="587"/>
        <source>weights: tensor &apos;{tensor}&apos; is {shape} but the layer needs {needed}</source>
        <translation>权重：张量“{tensor}”为 {shape}，但该层需要 {needed}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="588"/>
        <source>{file} is truncated: its header announces {size} bytes of description but the file holds {bytes} bytes</source>
        <translation>{file} 被截断：文件头声明描述有 {size} 字节，但文件只有 {bytes} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="591"/>
        <source>{file} is damaged or truncated (checksum mismatch)</source>
        <translation>{file} 已损坏或被截断（校验和不符）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="592"/>
        <source>{file} cannot be opened for reading</source>
        <translation>无法打开 {file} 进行读取</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="593"/>
        <source>{file} is damaged: its header announces {size} bytes of description</source>
        <translation>{file} 已损坏：文件头声明描述有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="594"/>
        <source>{file} is truncated: its header announces {size} bytes of description but the file ends before</source>
        <translation>{file} 被截断：文件头声明描述有 {size} 字节，但文件提前结束</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="596"/>
        <source>a saved evaluation&apos;s images hold {characters} base64 characters, not the {bytes} bytes its size says</source>
        <translation>保存的评估中的图像含有 {characters} 个 base64 字符，与其大小所说的 {bytes} 字节不符</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="599"/>
        <source>a saved evaluation&apos;s images are not base64</source>
        <translation>保存的评估中的图像不是 base64</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="600"/>
        <source>a saved evaluation&apos;s {key} holds {count} values, expected {expected}</source>
        <translation>保存的评估中的 {key} 有 {count} 个值，应为 {expected} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="601"/>
        <source>a saved evaluation must be a JSON object</source>
        <translation>保存的评估必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="602"/>
        <source>a saved evaluation has {samples} samples of {classes} classes</source>
        <translation>保存的评估有 {classes} 个类别的 {samples} 个样本</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="603"/>
        <source>a saved evaluation&apos;s confusion matrix must have {classes} rows</source>
        <translation>保存的评估的混淆矩阵必须有 {classes} 行</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="604"/>
        <source>a saved evaluation&apos;s confusion matrix must have {classes} columns</source>
        <translation>保存的评估的混淆矩阵必须有 {classes} 列</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="605"/>
        <source>a saved evaluation keeps at most {max} mistakes, got {count}</source>
        <translation>保存的评估最多保留 {max} 个错误，实际为 {count} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="606"/>
        <source>a saved evaluation&apos;s images are {channels}x{height}x{width}</source>
        <translation>保存的评估中的图像为 {channels}x{height}x{width}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="607"/>
        <source>a saved evaluation&apos;s mistake {mistake} names a class outside 0..{last}</source>
        <translation>保存的评估中的错误 {mistake} 指向 0..{last} 之外的类别</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="608"/>
        <source>a saved evaluation is malformed: {reason}</source>
        <translation>保存的评估格式错误：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="609"/>
        <source>ONNX export: activation &apos;{activation}&apos; has no ONNX form</source>
        <translation>ONNX 导出：激活函数“{activation}”没有对应的 ONNX 形式</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="610"/>
        <source>ONNX export: cannot bake the preprocessing: it makes {prepared} channels but the model&apos;s input has {channels}</source>
        <translation>ONNX 导出：无法把预处理并入模型：它生成 {prepared} 个通道，但模型输入有 {channels} 个</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="613"/>
        <source>Keras export: {layer} has no Keras form (layer kind &apos;{kind}&apos;)</source>
        <translation>Keras 导出：{layer} 没有对应的 Keras 形式（层类型“{kind}”）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="614"/>
        <source>PyTorch export: {layer} has no PyTorch form (layer kind &apos;{kind}&apos;)</source>
        <translation>PyTorch 导出：{layer} 没有对应的 PyTorch 形式（层类型“{kind}”）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="615"/>
        <source>{folder}: cannot create the folder: {reason}</source>
        <translation>{folder}：无法创建文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="616"/>
        <source>the camera {source} stopped delivering frames (unplugged, or taken by another program?): {reason}</source>
        <translation>摄像头 {source} 停止送出画面（被拔出，或被另一个程序占用？）：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="619"/>
        <source>the camera {source} stopped delivering frames (unplugged, or taken by another program?)</source>
        <translation>摄像头 {source} 停止送出画面（被拔出，或被另一个程序占用？）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="621"/>
        <source>the stream &apos;{source}&apos; ended or the connection was lost: {reason}</source>
        <translation>视频流“{source}”已结束或连接已断开：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="622"/>
        <source>the stream &apos;{source}&apos; ended or the connection was lost</source>
        <translation>视频流“{source}”已结束或连接已断开</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="623"/>
        <source>reading the video file &apos;{source}&apos; failed: {reason}</source>
        <translation>读取视频文件“{source}”失败：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="624"/>
        <source>the video file &apos;{source}&apos; has ended</source>
        <translation>视频文件“{source}”已播放完毕</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="625"/>
        <source>reading the GStreamer pipeline &apos;{source}&apos; failed: {reason}</source>
        <translation>读取 GStreamer 管道“{source}”失败：{reason}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="626"/>
        <source>the GStreamer pipeline &apos;{source}&apos; has ended</source>
        <translation>GStreamer 管道“{source}”已结束</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="627"/>
        <source>the camera {source} has delivered no frame for {seconds} s (unplugged, or taken by another program?)</source>
        <translation>摄像头 {source} 已有 {seconds} 秒没有送出画面（被拔出，或被另一个程序占用？）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="630"/>
        <source>the stream &apos;{source}&apos; has delivered no frame for {seconds} s (unplugged, or taken by another program?)</source>
        <translation>视频流“{source}”已有 {seconds} 秒没有送出画面（断开，或被另一个程序占用？）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="633"/>
        <source>the video file &apos;{source}&apos; has delivered no frame for {seconds} s (unplugged, or taken by another program?)</source>
        <translation>视频文件“{source}”已有 {seconds} 秒没有送出画面（被移走，或被另一个程序占用？）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="636"/>
        <source>the GStreamer pipeline &apos;{source}&apos; has delivered no frame for {seconds} s (unplugged, or taken by another program?)</source>
        <translation>GStreamer 管道“{source}”已有 {seconds} 秒没有送出画面（被拔出，或被另一个程序占用？）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="639"/>
        <source>the video source was closed</source>
        <translation>视频源已关闭</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="641"/>
        <source>t-SNE cancelled</source>
        <translation>t-SNE 已取消</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="642"/>
        <source>t-SNE: the number of points is negative ({count})</source>
        <translation>t-SNE：点的数量为负数（{count}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="643"/>
        <source>t-SNE: the points have {dim} dimensions; at least 1 is needed</source>
        <translation>t-SNE：点的维数为 {dim}；至少需要 1 维</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="644"/>
        <source>t-SNE: {option} must be {range}, got {value}</source>
        <translation>t-SNE：{option} 必须为 {range}，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="645"/>
        <source>t-SNE: point {index} has the value {value} in dimension {dimension}</source>
        <translation>t-SNE：第 {index} 个点在第 {dimension} 维的值为 {value}</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="647"/>
        <source>Grad-CAM needs a layer with a spatial output and the model has none; use occlusion or saliency</source>
        <translation>Grad-CAM 需要一个具有空间输出的层，而该模型没有；请使用遮挡法或显著性图</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="649"/>
        <source>Grad-CAM: the model has no layer &apos;{layer}&apos; (choose one of: {layers})</source>
        <translation>Grad-CAM：模型中没有层“{layer}”（可选：{layers}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="650"/>
        <source>Grad-CAM: layer &apos;{layer}&apos; outputs {shape}, not an image larger than 1x1 inside the model (choose one of: {layers})</source>
        <translation>Grad-CAM：层“{layer}”输出 {shape}，不是模型内部大于 1x1 的图像（可选：{layers}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="653"/>
        <source>occlusion patch {patch} must be between 1 and {max} (the input is {size})</source>
        <translation>遮挡块大小 {patch} 必须在 1 到 {max} 之间（输入为 {size}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="654"/>
        <source>occlusion stride {stride} must be at least 1</source>
        <translation>遮挡步长 {stride} 至少为 1</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="655"/>
        <source>unknown explanation method &apos;{method}&apos; (choose gradcam, occlusion or saliency)</source>
        <translation>未知的解释方法“{method}”（可选 gradcam、occlusion 或 saliency）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="656"/>
        <source>an explanation takes one image, got a batch of {batch}</source>
        <translation>一次解释只接受一张图像，实际得到一批 {batch} 张</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="657"/>
        <source>class {class} is out of range: the model has {classes} classes (0 to {last})</source>
        <translation>类别 {class} 超出范围：模型有 {classes} 个类别（0 到 {last}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="658"/>
        <source>the heat map needs an 8-bit image to draw on</source>
        <translation>热力图需要绘制在 8 位图像上</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="659"/>
        <source>--class &apos;{class}&apos; is neither a class name nor an index from 0 to {last}</source>
        <translation>--class“{class}”既不是类别名称，也不是 0 到 {last} 之间的索引</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="660"/>
        <source>{folder}: cannot create the output folder ({reason})</source>
        <translation>{folder}：无法创建输出文件夹（{reason}）</translation>
    </message>
    <message>
        <location filename="../widgets/common/engine_message_catalog.cpp" line="661"/>
        <source>{file}: the overlay could not be encoded as PNG</source>
        <translation>{file}：叠加图无法编码为 PNG</translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <location filename="../widgets/inspect/explanation_job.cpp" line="46"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../app/language.cpp" line="44"/>
        <source>ConvStudio shows the new language after a restart.</source>
        <translation>ConvStudio 重启后显示新语言。</translation>
    </message>
    <message>
        <location filename="../app/language.cpp" line="45"/>
        <source>Restart now? You are asked first about unsaved changes and a running training.</source>
        <translation>现在重启吗？重启前会先询问未保存的更改和正在进行的训练。</translation>
    </message>
    <message>
        <location filename="../app/language.cpp" line="47"/>
        <source>Restart Now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../app/language.cpp" line="48"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../app/language.cpp" line="61"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/language.cpp" line="68"/>
        <source>System Default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../app/language.cpp" line="43"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>LayerHelp</name>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="10"/>
        <source>Applies a non-linearity to every value. Conv2D and Dense can fuse one themselves; use this layer to place it elsewhere, e.g. after BatchNormalization.</source>
        <translation>对每个值应用非线性函数。Conv2D 和 Dense 可以自带激活函数；需要把激活放在别处（例如 BatchNormalization 之后）时使用此层。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="13"/>
        <source>The function applied to every value.</source>
        <translation>应用于每个值的函数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="14"/>
        <source>Adds its inputs element by element, e.g. to build a residual (skip) connection. All inputs must have the same shape.</source>
        <translation>将各输入逐元素相加，例如用于构建残差（跳跃）连接。所有输入的形状必须相同。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="17"/>
        <source>Replaces each window of every feature map by its average, shrinking the maps smoothly.</source>
        <translation>用窗口内的平均值替代每个特征图的每个窗口，平滑地缩小特征图。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="19"/>
        <source>Width and height of the square pooling window.</source>
        <translation>正方形池化窗口的宽度和高度。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="20"/>
        <source>Step between windows; 0 means the same as pool_size.</source>
        <translation>窗口之间的步长；0 表示与 pool_size 相同。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="21"/>
        <source>&apos;valid&apos; drops windows that do not fit; &apos;same&apos; keeps them partially, so the output is input/strides.</source>
        <translation>“valid”丢弃放不下的窗口；“same”保留部分窗口，使输出为 输入/步长。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="24"/>
        <source>Normalises each channel to zero mean and unit variance over the batch, then applies a learned scale and shift. Usually lets you train faster with higher learning rates.</source>
        <translation>在批次上把每个通道归一化为零均值、单位方差，再应用可学习的缩放和平移。通常可以用更高的学习率更快地训练。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="27"/>
        <source>How slowly the moving statistics used at inference follow the batches.</source>
        <translation>推理时使用的滑动统计量跟随批次变化的缓慢程度。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="28"/>
        <source>Small constant added to the variance to avoid dividing by zero.</source>
        <translation>加到方差上的小常数，避免除以零。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="29"/>
        <source>Learns a shift (beta) added after normalising.</source>
        <translation>学习归一化后加上的平移量（beta）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="30"/>
        <source>Learns a scale (gamma) applied after normalising.</source>
        <translation>学习归一化后乘上的缩放量（gamma）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="31"/>
        <source>Stacks its inputs: feature maps along the channel axis (same height and width), or flat vectors end to end.</source>
        <translation>拼接各输入：特征图沿通道轴拼接（高和宽需相同），扁平向量首尾相接。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="34"/>
        <source>Slides learned square filters over the image and outputs one feature map per filter. The workhorse of a CNN: early layers find edges, later ones find shapes.</source>
        <translation>在图像上滑动可学习的正方形滤波器，每个滤波器输出一张特征图。这是 CNN 的主力：前面的层发现边缘，后面的层发现形状。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="37"/>
        <source>Number of filters, i.e. output channels.</source>
        <translation>滤波器数量，即输出通道数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="38"/>
        <source>Width and height of each square filter, in pixels.</source>
        <translation>每个正方形滤波器的宽度和高度（像素）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="39"/>
        <source>Step between filter positions; 2 halves the output size.</source>
        <translation>滤波器位置之间的步长；取 2 时输出尺寸减半。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="40"/>
        <source>&apos;valid&apos; uses only full windows (output shrinks); &apos;same&apos; pads with zeros so the output is input/strides.</source>
        <translation>“valid”只使用完整窗口（输出变小）；“same”用零填充，使输出为 输入/步长。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="43"/>
        <source>Adds a learned bias to every output channel.</source>
        <translation>为每个输出通道加上可学习的偏置。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="44"/>
        <source>Activation applied to the output (&apos;linear&apos; for none).</source>
        <translation>应用于输出的激活函数（“linear”表示不使用）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="45"/>
        <source>Connects every input feature to every output unit with a learned weight. Needs a flat input: put Flatten or global pooling before it.</source>
        <translation>用可学习的权重把每个输入特征连接到每个输出单元。需要扁平输入：在它之前放置 Flatten 或全局池化。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="48"/>
        <source>Number of output units (the number of classes for the last layer).</source>
        <translation>输出单元数（最后一层为类别数）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="49"/>
        <source>Activation applied to the output (&apos;softmax&apos; for class probabilities).</source>
        <translation>应用于输出的激活函数（“softmax”输出类别概率）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="50"/>
        <source>Adds a learned bias to every output unit.</source>
        <translation>为每个输出单元加上可学习的偏置。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="51"/>
        <source>During training, randomly zeroes a fraction of the values so the network cannot rely on any single feature; does nothing at inference.</source>
        <translation>训练时随机将一部分值置零，使网络不能依赖任何单个特征；推理时不起作用。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="54"/>
        <source>Fraction of the values dropped during training.</source>
        <translation>训练时丢弃的值所占比例。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="55"/>
        <source>Unrolls each feature map stack into one long vector, so Dense layers can follow convolutions. Has no weights.</source>
        <translation>把特征图展开成一个长向量，以便在卷积之后接 Dense 层。没有权重。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="58"/>
        <source>Averages each whole feature map to a single number, giving one feature per channel. A weight-free alternative to Flatten before the classifier.</source>
        <translation>把每张完整的特征图平均为一个数，每个通道得到一个特征。可在分类器之前代替 Flatten，且没有权重。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="61"/>
        <source>The images the model sees: their height, width and number of channels (1 for grayscale, 3 for colour). Every model starts with exactly one.</source>
        <translation>模型看到的图像：高度、宽度和通道数（灰度为 1，彩色为 3）。每个模型都以且仅以一个输入层开始。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="64"/>
        <source>Image height in pixels.</source>
        <translation>图像高度（像素）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="65"/>
        <source>Image width in pixels.</source>
        <translation>图像宽度（像素）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="66"/>
        <source>Channels per pixel: 1 for grayscale, 3 for RGB.</source>
        <translation>每个像素的通道数：灰度为 1，RGB 为 3。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="67"/>
        <source>Keeps the largest value of each window of every feature map, shrinking the maps and making the features robust to small shifts.</source>
        <translation>保留每个特征图每个窗口中的最大值，缩小特征图并使特征对小幅平移更稳健。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="71"/>
        <source>&apos;valid&apos; uses only full windows (output shrinks); &apos;same&apos; pads with zeros so the output is input/strides; &apos;explicit&apos; pads each side by pad_top, pad_bottom, pad_left and pad_right.</source>
        <translation>“valid”只使用完整窗口（输出变小）；“same”用零填充，使输出为 输入/步长；“explicit”按 pad_top、pad_bottom、pad_left 和 pad_right 分别填充每一边。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="74"/>
        <source>Rows of zeros above the image (with padding &apos;explicit&apos;).</source>
        <translation>图像上方补零的行数（填充方式为“explicit”时）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="75"/>
        <source>Rows of zeros below the image (with padding &apos;explicit&apos;).</source>
        <translation>图像下方补零的行数（填充方式为“explicit”时）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="76"/>
        <source>Columns of zeros left of the image (with padding &apos;explicit&apos;).</source>
        <translation>图像左侧补零的列数（填充方式为“explicit”时）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="77"/>
        <source>Columns of zeros right of the image (with padding &apos;explicit&apos;).</source>
        <translation>图像右侧补零的列数（填充方式为“explicit”时）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="78"/>
        <source>Spacing between the filter&apos;s taps; 2 covers a 5x5 area with a 3x3 filter.</source>
        <translation>滤波器各抽头之间的间距；取 2 时，3x3 滤波器覆盖 5x5 的区域。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="79"/>
        <source>Splits input channels and filters into this many groups, each filter seeing only its group&apos;s channels; must divide both.</source>
        <translation>把输入通道和滤波器分成这么多组，每个滤波器只看到本组的通道；必须同时整除两者。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="82"/>
        <source>Filters each channel on its own with a small learned filter, without mixing channels: a fraction of Conv2D&apos;s cost. MobileNets follow it with a 1x1 Conv2D that mixes the channels.</source>
        <translation>用一个学习得到的小滤波器分别过滤每个通道，不混合通道：计算量只是 Conv2D 的一小部分。MobileNet 在它之后接一个混合通道的 1x1 Conv2D。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="85"/>
        <source>Filters per input channel; the output has channels x depth_multiplier maps.</source>
        <translation>每个输入通道的滤波器数；输出有 通道数 x depth_multiplier 张特征图。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="86"/>
        <source>A depthwise convolution (each channel filtered on its own) followed by a 1x1 convolution that mixes the channels: nearly what Conv2D does, with far fewer weights and multiply-adds.</source>
        <translation>逐通道卷积（每个通道单独过滤）后接一个混合通道的 1x1 卷积：效果接近 Conv2D，但权重和乘加运算少得多。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="89"/>
        <source>Depthwise filters per input channel, before the 1x1 convolution mixes them.</source>
        <translation>在 1x1 卷积混合之前，每个输入通道的逐通道滤波器数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="91"/>
        <source>Multiplies its two inputs element by element. A feature map times one value per channel scales each channel: the gate of a squeeze-and-excitation block.</source>
        <translation>将两个输入逐元素相乘。特征图乘以每通道一个值即缩放每个通道：这就是挤压-激励（SE）模块的门控。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="94"/>
        <source>Adds rows and columns of zeros around every feature map, a number for each side.</source>
        <translation>在每张特征图四周补零的行和列，每一边单独设定数量。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="95"/>
        <source>Rows of zeros added above.</source>
        <translation>上方补零的行数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="96"/>
        <source>Rows of zeros added below.</source>
        <translation>下方补零的行数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="97"/>
        <source>Columns of zeros added on the left.</source>
        <translation>左侧补零的列数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="98"/>
        <source>Columns of zeros added on the right.</source>
        <translation>右侧补零的列数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="99"/>
        <source>Interleaves the channels of its groups (ShuffleNet), so that the next grouped convolution sees channels from every group.</source>
        <translation>交错排列各组的通道（ShuffleNet），使下一个分组卷积能看到来自每一组的通道。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="102"/>
        <source>Number of channel groups to interleave.</source>
        <translation>要交错排列的通道组数。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="103"/>
        <source>Keeps the channels from start up to (not including) stop, e.g. one half of a channel split.</source>
        <translation>保留从 start 到 stop（不含）的通道，例如通道拆分后的一半。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="105"/>
        <source>First channel kept (counting from 0).</source>
        <translation>保留的第一个通道（从 0 开始计数）。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_help_strings.cpp" line="106"/>
        <source>Channel after the last one kept.</source>
        <translation>保留的最后一个通道之后的通道。</translation>
    </message>
</context>
<context>
    <name>LayerOption</name>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="15"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="16"/>
        <source>Axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="17"/>
        <source>Learn shift</source>
        <translation>学习偏移</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="18"/>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="19"/>
        <source>Depth multiplier</source>
        <translation>深度乘数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="20"/>
        <source>Dilation</source>
        <translation>扩张率</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="21"/>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="22"/>
        <source>Filters</source>
        <translation>滤波器数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="23"/>
        <location filename="../widgets/designer/option_labels.cpp" line="44"/>
        <source>Groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="24"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="25"/>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="26"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="27"/>
        <source>Pad bottom</source>
        <translation>下方填充</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="28"/>
        <source>Pad left</source>
        <translation>左侧填充</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="29"/>
        <source>Pad right</source>
        <translation>右侧填充</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="30"/>
        <source>Pad top</source>
        <translation>上方填充</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="31"/>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="32"/>
        <source>Pool size</source>
        <translation>池化大小</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="33"/>
        <source>Drop rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="34"/>
        <source>Learn scale</source>
        <translation>学习缩放</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="35"/>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="36"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="37"/>
        <source>Use bias</source>
        <translation>使用偏置</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="38"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="40"/>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="41"/>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="42"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="43"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="45"/>
        <source>First channel</source>
        <translation>起始通道</translation>
    </message>
    <message>
        <location filename="../widgets/designer/option_labels.cpp" line="46"/>
        <source>End channel</source>
        <translation>结束通道</translation>
    </message>
</context>
<context>
    <name>LayerStyle</name>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="54"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="55"/>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="56"/>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="57"/>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="58"/>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="59"/>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="60"/>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="61"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="87"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="88"/>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="89"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="90"/>
        <source>%1 channels</source>
        <translation>%1 通道</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="98"/>
        <source>%1 units</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="100"/>
        <source>rate %1</source>
        <translation>比例 %1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="106"/>
        <source>stride %1</source>
        <translation>步长 %1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="111"/>
        <source>pad %1/%2/%3/%4</source>
        <comment>top/bottom/left/right</comment>
        <translation>填充 %1/%2/%3/%4</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="114"/>
        <source>dilation %1</source>
        <translation>扩张 %1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="116"/>
        <source>%1 groups</source>
        <translation>%1 组</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="118"/>
        <source>%1 per channel</source>
        <translation>每通道 %1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/layer_style.cpp" line="127"/>
        <source>, </source>
        <comment>separator of a card&apos;s options</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../widgets/designer/node_item.cpp" line="107"/>
        <source>Frozen: training leaves this layer&apos;s weights as they are</source>
        <translation>已冻结：训练不会改变此层的权重</translation>
    </message>
    <message>
        <location filename="../widgets/designer/node_item.cpp" line="277"/>
        <source>%1 params</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/node_item.cpp" line="281"/>
        <source>→ shape unknown</source>
        <translation>→ 形状未知</translation>
    </message>
    <message>
        <location filename="../widgets/designer/node_item.cpp" line="282"/>
        <source>→ cannot compute</source>
        <translation>→ 无法计算</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="12"/>
        <source>Fashion-MNIST in under a minute: two 3x3 convolutions (24 and 48 filters) with batch normalization and max pooling, dropout and Dense 128, trained 5 epochs at batch 128 with Adam, a warm-up + cosine schedule and label smoothing 0.1. Reaches about 92.3% test accuracy.</source>
        <translation>一分钟内训练好 Fashion-MNIST：两层 3x3 卷积（24 和 48 个滤波器），带批归一化和最大池化，再接 Dropout 和 Dense 128；以批大小 128 用 Adam 训练 5 轮，学习率先预热再余弦衰减，标签平滑 0.1。测试准确率约 92.3%。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="16"/>
        <source>A stronger Fashion-MNIST model: two blocks of two 3x3 convolutions with batch normalization, max pooling and dropout, then Dense 256; 13 epochs at batch 128 with Adam, a warm-up + cosine schedule and label smoothing 0.1. Reaches about 94% test accuracy in under 10 minutes on 2 cores.</source>
        <translation>更强的 Fashion-MNIST 模型：两个模块，每个含两层带批归一化的 3x3 卷积、最大池化和 Dropout，然后是 Dense 256；以批大小 128 用 Adam 训练 13 轮，学习率先预热再余弦衰减，标签平滑 0.1。在 2 个核心上不到 10 分钟即可达到约 94% 的测试准确率。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="21"/>
        <source>LeNet-5 (LeCun et al., 1998) for 28x28 input: 5x5 convolutions with tanh and average pooling, Dense 120-84-10.</source>
        <translation>LeNet-5（LeCun 等，1998），输入 28x28：带 tanh 的 5x5 卷积和平均池化，Dense 120-84-10。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="24"/>
        <source>A multi-layer perceptron: Flatten, one hidden Dense layer of 128 units with dropout, and a softmax output.</source>
        <translation>多层感知机：Flatten、一个 128 单元并带 Dropout 的隐藏 Dense 层，以及 softmax 输出。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="27"/>
        <source>The classic Keras CNN: three 3x3 convolutions with max pooling, then two Dense layers (93,322 parameters).</source>
        <translation>经典 Keras CNN：三层 3x3 卷积加最大池化，然后是两层 Dense（93,322 个参数）。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="30"/>
        <source>A small MobileNetV2-style network for 28x28x1 images (Fashion-MNIST): inverted residual blocks (1x1 expansion, 3x3 depthwise convolution, linear 1x1 projection, ReLU6, batch normalization, residual connections where the shape allows), global average pooling and a softmax classifier.</source>
        <translation>面向 28x28x1 图像（Fashion-MNIST）的小型 MobileNetV2 风格网络：倒残差模块（1x1 扩展、3x3 逐通道卷积、线性 1x1 投影、ReLU6、批归一化，形状允许处带残差连接），全局平均池化和 softmax 分类器。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="34"/>
        <source>A small MobileNetV2-style network for 32x32x3 images (CIFAR-10): inverted residual blocks (1x1 expansion, 3x3 depthwise convolution, linear 1x1 projection, ReLU6, batch normalization, residual connections where the shape allows), global average pooling and a softmax classifier.</source>
        <translation>面向 32x32x3 图像（CIFAR-10）的小型 MobileNetV2 风格网络：倒残差模块（1x1 扩展、3x3 逐通道卷积、线性 1x1 投影、ReLU6、批归一化，形状允许处带残差连接），全局平均池化和 softmax 分类器。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="38"/>
        <source>A small ResNet for 28x28x1 images (Fashion-MNIST): a 3x3 stem and three residual stages of 16, 32 and 64 filters (3x3 convolutions with batch normalization, 1x1 projection shortcuts where the shape changes), global average pooling and a softmax classifier.</source>
        <translation>面向 28x28x1 图像（Fashion-MNIST）的小型 ResNet：一个 3x3 起始卷积和三个分别有 16、32、64 个滤波器的残差阶段（带批归一化的 3x3 卷积，形状变化处使用 1x1 投影捷径），全局平均池化和 softmax 分类器。</translation>
    </message>
    <message>
        <location filename="../widgets/common/preset_text.cpp" line="42"/>
        <source>A small ResNet for 32x32x3 images (CIFAR-10): a 3x3 stem and three residual stages of 16, 32 and 64 filters (3x3 convolutions with batch normalization, 1x1 projection shortcuts where the shape changes), global average pooling and a softmax classifier.</source>
        <translation>面向 32x32x3 图像（CIFAR-10）的小型 ResNet：一个 3x3 起始卷积和三个分别有 16、32、64 个滤波器的残差阶段（带批归一化的 3x3 卷积，形状变化处使用 1x1 投影捷径），全局平均池化和 softmax 分类器。</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="10"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="10"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="11"/>
        <source>Save All</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="11"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="12"/>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="12"/>
        <source>Yes to &amp;All</source>
        <translation>全部是(&amp;A)</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="13"/>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="13"/>
        <source>N&amp;o to All</source>
        <translation>全部否(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="14"/>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="14"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="15"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="15"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="16"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="16"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="17"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="17"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="18"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../widgets/common/qt_standard_texts.cpp" line="18"/>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../widgets/designer/summary_view.cpp" line="34"/>
        <source>The model cannot be built yet:</source>
        <translation>模型暂时无法构建：</translation>
    </message>
</context>
<context>
    <name>cs::gui::AugmentForm</name>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="19"/>
        <source>Shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="20"/>
        <source>Largest shift, as a fraction of the width and height</source>
        <translation>最大平移量，占宽度和高度的比例</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="26"/>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="26"/>
        <source>Largest rotation either way</source>
        <translation>向任一方向的最大旋转角度</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="26"/>
        <source> °</source>
        <translation> °</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="27"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="27"/>
        <source>Scale drawn from 1 − amount to 1 + amount</source>
        <translation>缩放倍数取自 1 − 幅度 到 1 + 幅度</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="29"/>
        <source>Flip horizontally</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="30"/>
        <source>Mirror left-right (not for digits or text)</source>
        <translation>左右镜像（不适用于数字或文字）</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="36"/>
        <source>Flip vertically</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="36"/>
        <source>Mirror top-bottom</source>
        <translation>上下镜像</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="38"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="39"/>
        <source>Largest offset as a fraction of full scale</source>
        <translation>最大偏移量，占满量程的比例</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="46"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="47"/>
        <source>Factor drawn from 1 − amount to 1 + amount</source>
        <translation>系数取自 1 − 幅度 到 1 + 幅度</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="54"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="55"/>
        <source>Gaussian noise, standard deviation as a fraction of full scale</source>
        <translation>高斯噪声，标准差占满量程的比例</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="62"/>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="63"/>
        <source>Largest erased rectangle as a fraction of the image</source>
        <translation>最大擦除矩形占图像的比例</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="69"/>
        <source>Pad and crop</source>
        <translation>填充并裁剪</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="69"/>
        <source>Padding in pixels before a random crop of the same size</source>
        <translation>随机裁剪为同样大小之前的填充像素数</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="70"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="76"/>
        <source>Chance</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="77"/>
        <source>Amount</source>
        <translation>幅度</translation>
    </message>
    <message>
        <location filename="../widgets/training/augment_form.cpp" line="86"/>
        <source>Chance that an image gets this transform</source>
        <translation>一张图像应用此变换的概率</translation>
    </message>
</context>
<context>
    <name>cs::gui::AugmentPreview</name>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="32"/>
        <source>Augmentation settings</source>
        <translation>数据增强设置</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="36"/>
        <source>Transform</source>
        <translation>变换</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="37"/>
        <source>Chance</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="38"/>
        <source>Amount</source>
        <translation>幅度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="40"/>
        <source>Shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="40"/>
        <source> of size</source>
        <translation> 尺寸比例</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="41"/>
        <source>Largest shift as a fraction of width and height</source>
        <translation>最大平移量（占宽度和高度的比例）</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="42"/>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="42"/>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="43"/>
        <source>Largest rotation in degrees, either way</source>
        <translation>双向最大旋转角度（度）</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="44"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="45"/>
        <source>Scale drawn from 1 − amount to 1 + amount</source>
        <translation>缩放倍数取自 1 − 幅度 到 1 + 幅度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="46"/>
        <source>Flip left–right</source>
        <translation>左右翻转</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="47"/>
        <source>Mirror the image horizontally</source>
        <translation>水平镜像图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="48"/>
        <source>Flip up–down</source>
        <translation>上下翻转</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="48"/>
        <source>Mirror the image vertically</source>
        <translation>垂直镜像图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="49"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="50"/>
        <source>Largest offset as a fraction of full brightness</source>
        <translation>最大偏移量（占满亮度的比例）</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="51"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="52"/>
        <source>Factor drawn from 1 − amount to 1 + amount</source>
        <translation>系数取自 1 − 幅度 到 1 + 幅度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="53"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="54"/>
        <source>Gaussian noise, standard deviation as a fraction of full brightness</source>
        <translation>高斯噪声，标准差为满亮度的比例</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="55"/>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="56"/>
        <source>Largest erased rectangle as a fraction of the image area</source>
        <translation>最大擦除矩形（占图像面积的比例）</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="57"/>
        <source>Pad and crop</source>
        <translation>填充并裁剪</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="57"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="58"/>
        <source>Padding in pixels before a random crop of the original size</source>
        <translation>按原尺寸随机裁剪前填充的像素数</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="67"/>
        <source>Re-roll</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="69"/>
        <source>Draw new random variants</source>
        <translation>生成新的随机变体</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="93"/>
        <source>Chance that an image gets this transform; 0 = off</source>
        <translation>图像应用此变换的概率；0 = 关闭</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="161"/>
        <source>Select an image to preview its augmentation.</source>
        <translation>选择一张图像以预览其增强效果。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="165"/>
        <source>Random variants as training will see them (the original first):</source>
        <translation>训练时将看到的随机变体（第一个为原图）：</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="166"/>
        <source>Augmentation is off: every variant equals the original. Turn on a transform below.</source>
        <translation>数据增强已关闭：每个变体都与原图相同。请在下方开启某种变换。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="181"/>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/augment_preview.cpp" line="181"/>
        <source>Variant %1</source>
        <translation>变体 %1</translation>
    </message>
</context>
<context>
    <name>cs::gui::CameraController</name>
    <message>
        <location filename="../app/camera_capture.cpp" line="73"/>
        <source>The project trains on another dataset; captures are only saved here.</source>
        <translation>项目使用另一个数据集训练；采集的图像只保存在这里。</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="75"/>
        <source>The project trains on another dataset; the first capture asks whether it should train on this folder.</source>
        <translation>项目使用另一个数据集训练；第一次采集时会询问是否改用此文件夹训练。</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="102"/>
        <source>The project now trains on %1.</source>
        <translation>项目现在使用 %1 训练。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/camera_capture.cpp" line="120"/>
        <source>The capture folder has %n class(es): %1.</source>
        <translation>
            <numerusform>采集文件夹有 %n 个类别：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/camera_capture.cpp" line="123"/>
        <source>The model was trained on %n class(es) (%1); its weights stay in the project, and the next training learns the folder&apos;s classes instead.</source>
        <translation>
            <numerusform>模型是在 %n 个类别（%1）上训练的；其权重保留在项目中，下一次训练将改为学习该文件夹的类别。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="128"/>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="129"/>
        <source>Captures are saved in %1, but the project trains on %2.

Should the project train on the captures from now on?

%3</source>
        <translation>采集的图像保存在 %1，但项目使用 %2 训练。

从现在起让项目使用采集的图像训练吗？

%3</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="132"/>
        <source>the built-in dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="136"/>
        <location filename="../app/camera_capture.cpp" line="244"/>
        <source>Train on the Captures</source>
        <translation>用采集的图像训练</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="138"/>
        <source>Only Save the Captures</source>
        <translation>只保存采集的图像</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="152"/>
        <source>Capture Folder</source>
        <translation>采集文件夹</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="168"/>
        <source>Class &apos;%1&apos; is ready: show it to the camera and capture.</source>
        <translation>类别“%1”已就绪：把它展示给摄像头并采集。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/camera_capture.cpp" line="245"/>
        <source>The model has trained layers. Learn the %n captured class(es) on top of them? The layers up to &apos;%1&apos; keep their weights (frozen) and only a new classifier trains: it takes seconds and works with few images. Or train the whole model on the captures.</source>
        <translation>
            <numerusform>模型已有训练好的层。要在它们之上学习这 %n 个采集的类别吗？直到“%1”的各层保持权重不变（冻结），只训练一个新的分类器：只需几秒钟，少量图像即可。也可以用采集的图像训练整个模型。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="253"/>
        <source>Learn on Top (Fast)</source>
        <translation>在其上学习（快速）</translation>
    </message>
    <message>
        <location filename="../app/camera_capture.cpp" line="255"/>
        <source>Train the Whole Model</source>
        <translation>训练整个模型</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/camera_capture.cpp" line="275"/>
        <source>A new head for %n class(es) on the frozen layers up to &apos;%1&apos;.</source>
        <translation>
            <numerusform>在直到“%1”的冻结层之上为 %n 个类别建立新的分类头。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="102"/>
        <source>Save Snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="103"/>
        <source>Images (*.png *.jpg *.bmp)</source>
        <translation>图像 (*.png *.jpg *.bmp)</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="132"/>
        <source>Choose a camera, a video file or the test pattern, then press Start.</source>
        <translation>选择摄像头、视频文件或测试图案，然后按“开始”。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="155"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="186"/>
        <source>Check the source and press Retry.</source>
        <translation>请检查视频源并按“重试”。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="261"/>
        <source>The video source stopped.</source>
        <translation>视频源已停止。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="264"/>
        <source>Check the connection and press Retry.</source>
        <translation>请检查连接并按“重试”。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="264"/>
        <source>Press Retry to play it again.</source>
        <translation>按“重试”重新播放。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="285"/>
        <source>There is no frame to save yet.</source>
        <translation>还没有可保存的画面。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="285"/>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="290"/>
        <source>Snapshot saved to %1</source>
        <translation>快照已保存到 %1</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="297"/>
        <source>Open Video File</source>
        <translation>打开视频文件</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="297"/>
        <source>Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mjpg);;All files (*)</source>
        <translation>视频 (*.avi *.mp4 *.mkv *.mov *.webm *.mjpg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="334"/>
        <source>No trained model yet: capture examples, train, and predictions appear here.</source>
        <translation>还没有训练好的模型：采集样本并训练后，预测会显示在这里。</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="346"/>
        <source>The model cannot classify: %1</source>
        <translation>模型无法分类：%1</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="401"/>
        <source>Classification stopped: %1</source>
        <translation>分类已停止：%1</translation>
    </message>
    <message>
        <location filename="../app/camera_controller.cpp" line="413"/>
        <source>camera frame %1</source>
        <translation>摄像头画面 %1</translation>
    </message>
</context>
<context>
    <name>cs::gui::CameraPanel</name>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="47"/>
        <source>Camera number, video file, stream URL or GStreamer pipeline</source>
        <translation>摄像头编号、视频文件、流地址或 GStreamer 管道</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="49"/>
        <source>A camera number (0, 1, …), a video file, a stream URL (rtsp://, http://) or a GStreamer pipeline ending in appsink</source>
        <translation>摄像头编号（0、1、…）、视频文件、流地址（rtsp://、http://）或以 appsink 结尾的 GStreamer 管道</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="51"/>
        <location filename="../widgets/camera/camera_panel.cpp" line="227"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="53"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="66"/>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="66"/>
        <source>Hold the current frame (moving the region re-classifies it)</source>
        <translation>定格当前画面（移动区域会重新分类）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="69"/>
        <source>Snapshot…</source>
        <translation>快照…</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="69"/>
        <source>Save the current frame as an image file</source>
        <translation>将当前画面保存为图像文件</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="72"/>
        <source>Feature Maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="72"/>
        <location filename="../widgets/camera/camera_panel.cpp" line="251"/>
        <source>Show the feature maps of the region of interest in the inspector</source>
        <translation>在检查器中显示感兴趣区域的特征图</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="84"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="90"/>
        <source>How many classes the bars show</source>
        <translation>条形图显示的类别数</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="95"/>
        <source> frames</source>
        <translation> 帧</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="96"/>
        <source>Average the probabilities over the last N frames (1: no smoothing)</source>
        <translation>对最近 N 帧的概率取平均（1：不平滑）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="104"/>
        <source>Below this confidence the prediction is shown as uncertain</source>
        <translation>置信度低于此值时预测显示为“不确定”</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="105"/>
        <source>Classes shown:</source>
        <translation>显示类别数：</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="106"/>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="107"/>
        <source>Minimum confidence:</source>
        <translation>最低置信度：</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="108"/>
        <source>Show where it looks</source>
        <translation>显示关注区域</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="111"/>
        <source>A heat map over the region: where the network looks for the class it predicts (Grad-CAM; for a small model well under a millisecond per frame)</source>
        <translation>在区域上叠加热力图：网络为预测的类别关注了哪里（Grad-CAM；小模型每帧远低于 1 毫秒）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="114"/>
        <source>Drag the frame to move the region the network sees, drag a corner to resize it, double-click it to centre it again.</source>
        <translation>拖动方框可移动网络看到的区域，拖动角可调整大小，双击可重新居中。</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="122"/>
        <source>Capture into Dataset</source>
        <translation>采集到数据集</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="173"/>
        <source>Camera 0</source>
        <translation>摄像头 0</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="175"/>
        <source>Camera %1</source>
        <translation>摄像头 %1</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="176"/>
        <source>Camera 0 (none found)</source>
        <translation>摄像头 0（未找到）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="178"/>
        <source>Test pattern (GStreamer)</source>
        <translation>测试图案（GStreamer）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="181"/>
        <source>Video File…</source>
        <translation>视频文件…</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_panel.cpp" line="227"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>cs::gui::CameraView</name>
    <message>
        <location filename="../widgets/camera/camera_view.cpp" line="23"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="63"/>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="64"/>
        <source>%1  %2%</source>
        <translation>%1  %2%</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="77"/>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="152"/>
        <source>network input %1×%2</source>
        <translation>网络输入 %1×%2</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="173"/>
        <source>%1 FPS · %2 ms inference</source>
        <translation>%1 FPS · 推理 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="176"/>
        <source> · %1% skipped</source>
        <translation> · 跳过 %1%</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="177"/>
        <source> · source %1 FPS</source>
        <translation> · 视频源 %1 FPS</translation>
    </message>
    <message>
        <location filename="../widgets/camera/camera_view_overlay.cpp" line="179"/>
        <source>source %1 FPS</source>
        <translation>视频源 %1 FPS</translation>
    </message>
</context>
<context>
    <name>cs::gui::CapturePanel</name>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="38"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="39"/>
        <source>Choose the image folder (one sub-folder per class) that captures are saved into</source>
        <translation>选择保存采集图像的图像文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="51"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="51"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="63"/>
        <source>New class name</source>
        <translation>新类别名称</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="65"/>
        <source>Add Class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="72"/>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="74"/>
        <location filename="../widgets/camera/capture_panel.cpp" line="206"/>
        <source>Save the region of interest of the current frame into the selected class</source>
        <translation>将当前画面的感兴趣区域保存到所选类别</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="75"/>
        <location filename="../widgets/camera/capture_panel.cpp" line="195"/>
        <source>Hold to Record</source>
        <translation>按住录制</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="77"/>
        <source>Keep pressed to save frames into the selected class at the set rate</source>
        <translation>按住按钮，以设定速率把画面保存到所选类别</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="84"/>
        <source> /s</source>
        <translation> /秒</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="85"/>
        <source>Frames saved per second while recording</source>
        <translation>录制时每秒保存的帧数</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="98"/>
        <source>Train on the Captures</source>
        <translation>用采集的图像训练</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="100"/>
        <source>Train the model on the capture folder now (the Training page shows the run)</source>
        <translation>现在用采集文件夹训练模型（训练页面显示运行过程）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="123"/>
        <source>Pick or create a class, then capture frames into it.</source>
        <translation>选择或创建一个类别，然后采集画面。</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="195"/>
        <source>Recording…</source>
        <translation>正在录制…</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="204"/>
        <source>Select a class first (or add one)</source>
        <translation>请先选择一个类别（或添加一个）</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="211"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="220"/>
        <source>Skipped: nearly identical to the last frame saved into &apos;%1&apos;. Move a little between shots.</source>
        <translation>已跳过：与上一次保存到“%1”的画面几乎相同。请在两次拍摄之间稍微移动。</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="223"/>
        <source>Saved to &apos;%1&apos; (%2 images), but the frame looks blurred (sharpness %3): hold still or add light.</source>
        <translation>已保存到“%1”（%2 张图像），但画面看起来模糊（清晰度 %3）：请保持稳定或增加光线。</translation>
    </message>
    <message>
        <location filename="../widgets/camera/capture_panel.cpp" line="229"/>
        <source>Saved %1 into &apos;%2&apos; (%3 images).</source>
        <translation>已将 %1 保存到“%2”（%3 张图像）。</translation>
    </message>
</context>
<context>
    <name>cs::gui::ClassBalanceChart</name>
    <message>
        <location filename="../widgets/dataset/class_balance_chart.cpp" line="34"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/class_balance_chart.cpp" line="34"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/class_balance_chart.cpp" line="34"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>cs::gui::ConfusionMatrixView</name>
    <message>
        <location filename="../widgets/training/confusion_matrix_view.cpp" line="67"/>
        <source>Evaluate the model to see its confusion matrix.</source>
        <translation>评估模型后即可查看其混淆矩阵。</translation>
    </message>
    <message>
        <location filename="../widgets/training/confusion_matrix_view.cpp" line="115"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location filename="../widgets/training/confusion_matrix_view.cpp" line="119"/>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../widgets/training/confusion_matrix_view.cpp" line="144"/>
        <source>True %1, predicted %2: %3 images (%4% of %1)</source>
        <translation>真实为 %1，预测为 %2：%3 张图像（占 %1 的 %4%）</translation>
    </message>
</context>
<context>
    <name>cs::gui::DatasetBrowser</name>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="29"/>
        <source>Index or file name</source>
        <translation>序号或文件名</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="38"/>
        <source>All splits</source>
        <translation>所有子集</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="39"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="40"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="41"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="42"/>
        <source>Misclassified</source>
        <translation>分类错误</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="44"/>
        <source>Only images the trained model gets wrong</source>
        <translation>只显示训练后模型判断错误的图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="51"/>
        <source>Range of the model&apos;s confidence in its prediction</source>
        <translation>模型对其预测的置信度范围</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="58"/>
        <source>Sort by index</source>
        <translation>按序号排序</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="59"/>
        <source>Sort by class</source>
        <translation>按类别排序</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="60"/>
        <source>Sort by confidence</source>
        <translation>按置信度排序</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="61"/>
        <source>Sort by loss</source>
        <translation>按损失排序</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="68"/>
        <source>Descending order</source>
        <translation>降序</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="74"/>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="92"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="97"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="180"/>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="242"/>
        <source>No dataset loaded</source>
        <translation>未加载数据集</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="246"/>
        <source>Showing %1 of %2 images</source>
        <translation>显示 %2 张图像中的 %1 张</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="250"/>
        <source>%1 misclassified</source>
        <translation>%1 张分类错误</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="252"/>
        <source>%1 excluded from training</source>
        <translation>%1 张已排除在训练之外</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="282"/>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="283"/>
        <source>Use as Probe</source>
        <translation>用作探针图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="287"/>
        <source>Only images of an image folder can be excluded or moved.</source>
        <translation>只有图像文件夹中的图像可以排除或移动。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="300"/>
        <source>Include in Training</source>
        <translation>纳入训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="288"/>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="300"/>
        <source>Exclude from Training</source>
        <translation>排除在训练之外</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="288"/>
        <location filename="../widgets/dataset/dataset_browser.cpp" line="302"/>
        <source>Move to Class</source>
        <translation>移到类别</translation>
    </message>
</context>
<context>
    <name>cs::gui::DatasetController</name>
    <message>
        <location filename="../app/dataset_controller.cpp" line="66"/>
        <source>Choose an image folder (one sub-folder per class), IDX or CIFAR-10 files</source>
        <translation>选择图像文件夹（每个类别一个子文件夹）、IDX 或 CIFAR-10 文件</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="78"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="116"/>
        <source>Choose Dataset Folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="126"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="127"/>
        <source>Built-in shapes (generated)</source>
        <translation>内置形状（自动生成）</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="130"/>
        <source>Other folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="144"/>
        <source>Generated on the fly: simple shapes, drawn at the model&apos;s input size. Needs no download.</source>
        <translation>即时生成：按模型输入尺寸绘制的简单形状。无需下载。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dataset_controller.cpp" line="162"/>
        <source>Dataset: %n class(es) — %1</source>
        <translation>
            <numerusform>数据集：%n 个类别 — %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="165"/>
        <source>%1 training</source>
        <translation>训练 %1 张</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="166"/>
        <source>%1 validation</source>
        <translation>验证 %1 张</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="167"/>
        <source>%1 test</source>
        <translation>测试 %1 张</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="168"/>
        <source>Images: %1</source>
        <translation>图像：%1</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="170"/>
        <source>Dataset classes: shown once the Dataset page has loaded it.</source>
        <translation>数据集类别：在数据集页面加载后显示。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dataset_controller.cpp" line="179"/>
        <source>Model: %n output(s), the dataset&apos;s classes</source>
        <translation>
            <numerusform>模型：%n 个输出，即数据集的类别</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dataset_controller.cpp" line="181"/>
        <source>Model: %n output(s) — %1</source>
        <translation>
            <numerusform>模型：%n 个输出 — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dataset_controller.cpp" line="183"/>
        <source>Model: %n output(s)</source>
        <translation>
            <numerusform>模型：%n 个输出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="189"/>
        <source>The dataset has %1 classes, more than the model&apos;s outputs (%2): training fails until the last layer has %1 units.</source>
        <translation>数据集有 %1 个类别，多于模型的输出数（%2）：在最后一层的单元数改为 %1 之前，训练会失败。</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="194"/>
        <source>Training on this dataset names the model&apos;s outputs after its classes.</source>
        <translation>在此数据集上训练后，模型的输出将以数据集的类别命名。</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="146"/>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../app/dataset_controller.cpp" line="147"/>
        <source>Model input: %1 × %2 × %3</source>
        <translation>模型输入：%1 × %2 × %3</translation>
    </message>
</context>
<context>
    <name>cs::gui::DatasetInfoPanel</name>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="36"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="36"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="36"/>
        <source>Val.</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="36"/>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="99"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="43"/>
        <source>Double-click a class to show only its images</source>
        <translation>双击某个类别，只显示该类别的图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="49"/>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="79"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="58"/>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="60"/>
        <source>Class balance</source>
        <translation>类别分布</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="62"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="74"/>
        <source>No dataset loaded.</source>
        <translation>未加载数据集。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="86"/>
        <source>Built-in generated shapes</source>
        <translation>内置生成的形状</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="88"/>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="89"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="90"/>
        <source>%1 channels</source>
        <translation>%1 通道</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="91"/>
        <source>%1 images · %2 × %3 pixels · %4</source>
        <translation>%1 张图像 · %2 × %3 像素 · %4</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="96"/>
        <source>Image folders, resized to this size when loaded</source>
        <translation>图像文件夹，加载时缩放到此尺寸</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="99"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="99"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="109"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 images): mean %3, std %4&lt;br&gt;hash &lt;code&gt;%5&lt;/code&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2 张图像）：均值 %3，标准差 %4&lt;br&gt;哈希 &lt;code&gt;%5&lt;/code&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="123"/>
        <source>Problems (%n)</source>
        <translation>
            <numerusform>问题（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="123"/>
        <source>Problems: none</source>
        <translation>问题：无</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_info_panel.cpp" line="137"/>
        <source>Label %1</source>
        <translation>标签 %1</translation>
    </message>
</context>
<context>
    <name>cs::gui::DatasetPage</name>
    <message>
        <location filename="../widgets/dataset/dataset_page.cpp" line="44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_page.cpp" line="59"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_page.cpp" line="60"/>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/dataset_page.cpp" line="61"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
</context>
<context>
    <name>cs::gui::DatasetUi</name>
    <message>
        <location filename="../app/dataset_ui.cpp" line="55"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="76"/>
        <location filename="../app/dataset_ui.cpp" line="260"/>
        <location filename="../app/dataset_ui.cpp" line="300"/>
        <location filename="../app/dataset_ui.cpp" line="307"/>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="77"/>
        <source>Loading dataset: %1 of %2 images</source>
        <translation>正在加载数据集：%1 / %2 张图像</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="90"/>
        <source>The dataset could not be loaded: %1</source>
        <translation>无法加载数据集：%1</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="99"/>
        <source>Loading cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="102"/>
        <location filename="../app/dataset_ui.cpp" line="403"/>
        <source>Predicting</source>
        <translation>正在预测</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="111"/>
        <source>The trained model gets %1 of %2 images wrong.</source>
        <translation>训练后的模型在 %2 张图像中判断错了 %1 张。</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="118"/>
        <source>No predictions: %1</source>
        <translation>无法预测：%1</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="447"/>
        <source>%1 sent to the feature-map view</source>
        <translation>已将 %1 发送到特征图视图</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="157"/>
        <source>Open &amp;Dataset Folder…</source>
        <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="159"/>
        <source>Show a dataset: image folders (one sub-folder per class), IDX or CIFAR-10 files</source>
        <translation>显示数据集：图像文件夹（每个类别一个子文件夹）、IDX 或 CIFAR-10 文件</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="161"/>
        <source>Open Dataset &amp;File…</source>
        <translation>打开数据集文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="162"/>
        <source>Show an IDX image file or a CIFAR-10 batch</source>
        <translation>显示 IDX 图像文件或 CIFAR-10 批次文件</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="164"/>
        <source>Recent Data&amp;sets</source>
        <translation>最近的数据集(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="172"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="173"/>
        <source>Load the dataset again from disk</source>
        <translation>从磁盘重新加载数据集</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="174"/>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="175"/>
        <source>Run the trained model on every image to find the ones it gets wrong</source>
        <translation>用训练好的模型预测每张图像，找出判断错误的图像</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="177"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="179"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="199"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="200"/>
        <source>Built-in Shapes (generated)</source>
        <translation>内置形状（自动生成）</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="236"/>
        <source>Open Dataset Folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="243"/>
        <source>Open Dataset File</source>
        <translation>打开数据集文件</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="244"/>
        <source>IDX and CIFAR-10 files (*-ubyte *-ubyte.gz *.bin)</source>
        <translation>IDX 和 CIFAR-10 文件 (*-ubyte *-ubyte.gz *.bin)</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="244"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="259"/>
        <location filename="../app/dataset_ui.cpp" line="299"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="273"/>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="338"/>
        <source>Loaded, with problems (%1): see the list on the left.</source>
        <translation>已加载，但有问题（%1）：请查看左侧列表。</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="340"/>
        <source>%1 images loaded</source>
        <translation>已加载 %1 张图像</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="368"/>
        <source>The augmentation settings are malformed: %1</source>
        <translation>数据增强设置格式有误：%1</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="389"/>
        <source>The model has no trained weights yet: train it first.</source>
        <translation>模型还没有训练好的权重：请先训练。</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="398"/>
        <source>The trained model knows other classes than this dataset&apos;s; train it on this dataset to see its predictions here.</source>
        <translation>训练好的模型所知的类别与此数据集不同；请在此数据集上训练后再在这里查看预测。</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="433"/>
        <source>Move %1 to %2</source>
        <translation>将 %1 移到 %2</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="434"/>
        <source>Move %1 images to %2</source>
        <translation>将 %1 张图像移到 %2</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="493"/>
        <source>The image %1 is not in the project&apos;s dataset.</source>
        <translation>图像 %1 不在项目的数据集中。</translation>
    </message>
    <message>
        <location filename="../app/dataset_ui.cpp" line="500"/>
        <source>Only images of an image folder can be excluded or moved.</source>
        <translation>只有图像文件夹中的图像可以排除或移动。</translation>
    </message>
</context>
<context>
    <name>cs::gui::DesignerController</name>
    <message>
        <location filename="../app/designer_controller.cpp" line="47"/>
        <source>Designer</source>
        <translation>设计器</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="55"/>
        <source>Zoom (Ctrl+wheel)</source>
        <translation>缩放（Ctrl+滚轮）</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="84"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="92"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="97"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="99"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="104"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="110"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="128"/>
        <source>Add Layer &amp;After</source>
        <translation>在后面添加层(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="128"/>
        <source>Add Layer &amp;Here</source>
        <translation>在此处添加层(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="150"/>
        <source>Replace &amp;Head Here</source>
        <translation>在此替换分类头(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="153"/>
        <source>Load the project&apos;s dataset first: the new head learns its classes</source>
        <translation>请先加载项目的数据集：新的分类头要学习其中的类别</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/designer_controller.cpp" line="154"/>
        <source>Freeze the layers up to here and add a new classifier for the dataset&apos;s %n classes</source>
        <translation>
            <numerusform>冻结到此为止的各层，并为数据集的 %n 个类别添加新的分类器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="161"/>
        <source>Replace Head</source>
        <translation>替换分类头</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="184"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="187"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="201"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="202"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="203"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="204"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="206"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="209"/>
        <source>&amp;Freeze Layers</source>
        <translation>冻结层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="212"/>
        <source>Training leaves the selected layers&apos; weights as they are</source>
        <translation>训练不会改变所选各层的权重</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="213"/>
        <source>U&amp;nfreeze Layers</source>
        <translation>解冻层(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="216"/>
        <source>Training updates the selected layers&apos; weights again</source>
        <translation>训练将重新更新所选各层的权重</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="236"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="237"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="238"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="239"/>
        <source>&amp;Fit Model</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="245"/>
        <source>&amp;Auto-Arrange</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="246"/>
        <source>Lay the layers out top-down, branches side by side</source>
        <translation>自上而下排列各层，分支并排放置</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="248"/>
        <source>&amp;Add Selected Palette Layer</source>
        <translation>添加选中的层(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="253"/>
        <source>Show &amp;Summary</source>
        <translation>显示摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="257"/>
        <source>Show &amp;Problems</source>
        <translation>显示问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="274"/>
        <source>Graph &amp;Image (PNG, SVG)…</source>
        <translation>网络图(&amp;I)（PNG、SVG）…</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="278"/>
        <source>Export Graph Image</source>
        <translation>导出网络图</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="279"/>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="281"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../app/designer_controller.cpp" line="281"/>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>cs::gui::DesignerView</name>
    <message>
        <location filename="../widgets/designer/designer_view.cpp" line="250"/>
        <source>Drag layers from the palette onto the canvas, starting with Input.
Connect them by dragging from an output port (bottom) to an input port (top).</source>
        <translation>从层面板把层拖到画布上，从“Input”开始。
从输出端口（下方）拖到输入端口（上方）即可连接。</translation>
    </message>
</context>
<context>
    <name>cs::gui::DistributedPanel</name>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="30"/>
        <source>Train beyond this machine</source>
        <translation>在本机之外训练</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="32"/>
        <source>&lt;ol style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;Export the model as a &lt;b&gt;PyTorch project&lt;/b&gt; (model.py, train.py, README.md).&lt;/li&gt;&lt;li&gt;Run &lt;tt&gt;train.py&lt;/tt&gt; with &lt;tt&gt;torchrun&lt;/tt&gt;: several processes on this computer&apos;s CPUs or GPUs, or several machines (DistributedDataParallel). Needs Python 3 with PyTorch.&lt;/li&gt;&lt;li&gt;Import the &lt;tt&gt;model.onnx&lt;/tt&gt; it writes: File ▸ Import ONNX…&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;将模型导出为 &lt;b&gt;PyTorch 项目&lt;/b&gt;（model.py、train.py、README.md）。&lt;/li&gt;&lt;li&gt;用 &lt;tt&gt;torchrun&lt;/tt&gt; 运行 &lt;tt&gt;train.py&lt;/tt&gt;：在本机的多个 CPU 或 GPU 上运行多个进程，或在多台机器上运行（DistributedDataParallel）。需要安装了 PyTorch 的 Python 3。&lt;/li&gt;&lt;li&gt;导入它写出的 &lt;tt&gt;model.onnx&lt;/tt&gt;：文件 ▸ 导入 ONNX…&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="45"/>
        <source>Processes per machine:</source>
        <translation>每台机器的进程数：</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="59"/>
        <source>&lt;tt&gt;--redirects 1 --tee 1&lt;/tt&gt; works around a torchrun bug in PyTorch 1.13 with Python 3.11 (Debian 12); newer PyTorch does not need it. &lt;tt&gt;--batch-size&lt;/tt&gt; is the global batch, split over the processes.</source>
        <translation>&lt;tt&gt;--redirects 1 --tee 1&lt;/tt&gt; 用于绕过 PyTorch 1.13 在 Python 3.11（Debian 12）上的 torchrun 缺陷；较新的 PyTorch 不需要。&lt;tt&gt;--batch-size&lt;/tt&gt; 是全局批大小，由各进程分担。</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="68"/>
        <source>Copy Co&amp;mmands</source>
        <translation>复制命令(&amp;M)</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="69"/>
        <source>1. Export PyTorch Project</source>
        <translation>1. 导出 PyTorch 项目</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="70"/>
        <source>3. Import Trained ONNX…</source>
        <translation>3. 导入训练好的 ONNX…</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="89"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="129"/>
        <source># One CPU or one GPU:</source>
        <translation># 单个 CPU 或单个 GPU：</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="130"/>
        <source># Several processes on this machine (CPUs: gloo, GPUs: NCCL):</source>
        <translation># 本机多个进程（CPU 用 gloo，GPU 用 NCCL）：</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="133"/>
        <source># Several machines: on each its own --node_rank (0 on HOST0):</source>
        <translation># 多台机器：每台使用各自的 --node_rank（HOST0 上为 0）：</translation>
    </message>
    <message>
        <location filename="../widgets/export/distributed_panel.cpp" line="137"/>
        <source># Then import model.onnx (File ▸ Import ONNX…), or:</source>
        <translation># 然后导入 model.onnx（文件 ▸ 导入 ONNX…），或者：</translation>
    </message>
</context>
<context>
    <name>cs::gui::DoctorMapView</name>
    <message>
        <location filename="../widgets/doctor/doctor_map_view.cpp" line="128"/>
        <source>Run the doctor to see every image of the dataset on a map, placed by similarity.</source>
        <translation>运行诊断后，数据集中的每张图像都会按相似度显示在分布图上。</translation>
    </message>
</context>
<context>
    <name>cs::gui::DoctorPanel</name>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="38"/>
        <source>Run Doctor</source>
        <translation>运行诊断</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="39"/>
        <source>Look for duplicates, leakage between training and test, doubtful labels and odd images</source>
        <translation>查找重复图像、训练集与测试集之间的泄漏、可疑标注和异常图像</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="40"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="45"/>
        <source>Retrain with Fixes</source>
        <translation>按修正重新训练</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="46"/>
        <source>Train the model again on the data as the fixes left it</source>
        <translation>在修正后的数据上重新训练模型</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="61"/>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="61"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="61"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="61"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="75"/>
        <source>Leakage &amp;&amp; Duplicates</source>
        <translation>泄漏与重复</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="76"/>
        <source>Label Suspects</source>
        <translation>可疑标注</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="77"/>
        <source>Outliers</source>
        <translation>离群图像</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="79"/>
        <source>Map</source>
        <translation>分布图</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="111"/>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="323"/>
        <source>Choose a finding, or draw a lasso on the map, to see its images here.</source>
        <translation>选择一项发现，或在分布图上用套索圈选，即可在此查看其图像。</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="129"/>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="130"/>
        <source>Leave the selected images out of training (Ctrl+Z undoes it)</source>
        <translation>训练时不使用所选图像（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="133"/>
        <source>Move to Class</source>
        <translation>移到类别</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="134"/>
        <source>Move the selected images&apos; files to the chosen class folder (Ctrl+Z undoes it)</source>
        <translation>将所选图像的文件移到所选类别的文件夹（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="135"/>
        <source>Exclude All but One</source>
        <translation>只保留一张</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="136"/>
        <source>Keep one image of the group (a test image when the group leaks into the test set)</source>
        <translation>组内只保留一张图像（若该组泄漏到测试集，则保留一张测试图像）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="224"/>
        <source>Leakage (%1) &amp;&amp; Duplicates (%2)</source>
        <translation>泄漏（%1）与重复（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="225"/>
        <source>Duplicates (%1)</source>
        <translation>重复（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="226"/>
        <source>Label Suspects (%1)</source>
        <translation>可疑标注（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="227"/>
        <source>Outliers (%1)</source>
        <translation>离群图像（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="272"/>
        <source>✓ fixed: %1</source>
        <translation>✓ 已修正：%1</translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="325"/>
        <source>%1 images (the first %2 shown)</source>
        <translation>%1 张图像（显示前 %2 张）</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/doctor/doctor_panel.cpp" line="327"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/doctor/doctor_panel.cpp" line="348"/>
        <source>Only images of an image folder can be excluded or moved.</source>
        <translation>只有图像文件夹中的图像才能被排除或移动。</translation>
    </message>
</context>
<context>
    <name>cs::gui::DoctorUi</name>
    <message>
        <location filename="../app/doctor_ui.cpp" line="28"/>
        <source>Doctor</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="30"/>
        <source>The doctor looks for duplicate images, images shared by training and test, doubtful labels and odd images. With trained weights it uses the model&apos;s features, else the pixels.</source>
        <translation>诊断会查找重复图像、训练集与测试集共有的图像、可疑标注和异常图像。有训练好的权重时使用模型的特征，否则使用像素。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="46"/>
        <source>The dataset changed while the doctor ran; run it again.</source>
        <translation>诊断运行期间数据集已改变；请重新运行。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="52"/>
        <source>%1 training and %2 test images examined in %3 s: %4 duplicate groups (%5 across training and test), %6 label suspects, %7 outliers.</source>
        <translation>在 %3 秒内检查了 %1 张训练图像和 %2 张测试图像：%4 个重复组（其中 %5 个跨训练集和测试集），%6 个可疑标注，%7 个离群图像。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="62"/>
        <source>Examined the pixels (no trained model).</source>
        <translation>已检查像素（没有训练好的模型）。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="63"/>
        <source>Examined the features of layer &apos;%1&apos;.</source>
        <translation>已检查层“%1”的特征。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="65"/>
        <source>Label suspects: %1.</source>
        <translation>可疑标注：%1。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="71"/>
        <source>The doctor could not examine the dataset: %1</source>
        <translation>诊断无法检查该数据集：%1</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="75"/>
        <location filename="../app/doctor_ui.cpp" line="139"/>
        <source>The doctor was cancelled.</source>
        <translation>诊断已取消。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="90"/>
        <source>The dataset could not be loaded: %1</source>
        <translation>无法加载数据集：%1</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="105"/>
        <source>Loading the dataset</source>
        <translation>正在加载数据集</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="123"/>
        <source>Examining with the trained model&apos;s features…</source>
        <translation>正在使用训练好的模型的特征进行检查…</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="125"/>
        <source>The trained model knows other classes than this dataset&apos;s: the doctor looks at the pixels only.</source>
        <translation>训练好的模型的类别与该数据集不同：诊断只检查像素。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="127"/>
        <source>The model has no trained weights: the doctor looks at the pixels only. Train it first for sharper findings.</source>
        <translation>模型没有训练好的权重：诊断只检查像素。先训练模型可得到更准确的发现。</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="202"/>
        <source>Retrain with Fixes (%1 excluded, %2 moved)</source>
        <translation>按修正重新训练（排除 %1 张，移动 %2 张）</translation>
    </message>
    <message>
        <location filename="../app/doctor_ui.cpp" line="203"/>
        <source>Retrain with Fixes</source>
        <translation>按修正重新训练</translation>
    </message>
</context>
<context>
    <name>cs::gui::EvaluationPanel</name>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="27"/>
        <location filename="../widgets/training/evaluation_panel.cpp" line="98"/>
        <source>No evaluation yet: train the model, or press Evaluate to measure the project&apos;s weights on the test set.</source>
        <translation>尚未评估：请训练模型，或点击“评估”在测试集上衡量项目的权重。</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="36"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="37"/>
        <source>Measure the project&apos;s trained weights on the test set (or the validation split)</source>
        <translation>在测试集（或验证集）上衡量项目中训练好的权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="38"/>
        <source>All mistakes</source>
        <translation>全部错误</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="39"/>
        <source>List every misclassified image again</source>
        <translation>重新列出所有分类错误的图像</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="47"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="47"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="47"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="47"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="47"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="117"/>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="118"/>
        <source>&lt;b&gt;%1 accuracy %2%&lt;/b&gt; · loss %3 · %4 images · %5 misclassified</source>
        <translation>&lt;b&gt;%1准确率 %2%&lt;/b&gt; · 损失 %3 · %4 张图像 · %5 张分错</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="115"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="116"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="124"/>
        <source> · &lt;i&gt;no held-out images: these figures are optimistic&lt;/i&gt;</source>
        <translation> · &lt;i&gt;没有留出的图像：这些数字偏乐观&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="139"/>
        <source>Macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <location filename="../widgets/training/evaluation_panel.cpp" line="155"/>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
</context>
<context>
    <name>cs::gui::ExplanationView</name>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="19"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="20"/>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="21"/>
        <source>Saliency (input gradient)</source>
        <translation>显著性（输入梯度）</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="23"/>
        <source>Grad-CAM: which places of a convolutional layer raise the class&apos;s score.
Occlusion: how much the class&apos;s probability drops when a patch of the image is covered.
Saliency: how strongly each pixel changes the class&apos;s score.</source>
        <translation>Grad-CAM：卷积层的哪些位置提高了该类别的得分。
遮挡：遮住图像的一块后，该类别的概率下降多少。
显著性：每个像素对该类别得分的影响有多大。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="27"/>
        <source>The layer Grad-CAM looks at; the last one with a spatial output keeps the most meaning.</source>
        <translation>Grad-CAM 所查看的层；最后一个具有空间输出的层含义最丰富。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="29"/>
        <source>Predicted class</source>
        <translation>预测的类别</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="33"/>
        <source>How strongly the heat map covers the image</source>
        <translation>热力图覆盖图像的强度</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="41"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="42"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="43"/>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="44"/>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="135"/>
        <source>(no spatial layer)</source>
        <translation>（没有空间层）</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="150"/>
        <source>Train the model (or open one with weights) to see where it looks.</source>
        <translation>训练模型（或打开带权重的模型）即可查看它关注的位置。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="154"/>
        <source>Pick a probe image to see where the model looks.</source>
        <translation>选择一张探针图像，查看模型关注的位置。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="158"/>
        <location filename="../widgets/inspect/explanation_view.cpp" line="167"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="171"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="175"/>
        <source>%1 at %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/explanation_view.cpp" line="176"/>
        <source>%1 for &lt;b&gt;%2&lt;/b&gt;; the model predicts &lt;b&gt;%3&lt;/b&gt; (%4%). Strongest at row %5, column %6.</source>
        <translation>针对 &lt;b&gt;%2&lt;/b&gt; 的 %1；模型预测为 &lt;b&gt;%3&lt;/b&gt;（%4%）。最强处在第 %5 行、第 %6 列。</translation>
    </message>
</context>
<context>
    <name>cs::gui::ExportDialog</name>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="58"/>
        <source>Export Model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="69"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="73"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="82"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="131"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="138"/>
        <source>&amp;ONNX model (.onnx)</source>
        <translation>ONNX 模型（.onnx）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="139"/>
        <source>For ONNX Runtime, OpenCV, TensorRT and other runtimes: dynamic batch size; class names, preprocessing and the graph are kept in the file&apos;s metadata.</source>
        <translation>适用于 ONNX Runtime、OpenCV、TensorRT 等运行时：批大小可变；类别名、预处理和计算图保存在文件的元数据中。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="142"/>
        <source>&amp;Keras code (.py)</source>
        <translation>Keras 代码（.py）(&amp;K)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="143"/>
        <source>A TensorFlow/Keras script that rebuilds the layers with the same training settings, preprocessing and a data loader (architecture only: train it there).</source>
        <translation>一个 TensorFlow/Keras 脚本，用相同的训练设置、预处理和数据加载器重建各层（仅结构：需在那里训练）。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="146"/>
        <source>P&amp;yTorch project (folder)</source>
        <translation>PyTorch 项目（文件夹）(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="147"/>
        <source>model.py (an nn.Module, with the weights when trained), train.py (one CPU, GPUs, or torchrun across machines; writes ONNX the studio imports) and README.md.</source>
        <translation>model.py（一个 nn.Module，已训练时附带权重）、train.py（单个 CPU、GPU，或用 torchrun 跨机器训练；写出可导入本工作室的 ONNX）和 README.md。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="166"/>
        <source>ONNX options</source>
        <translation>ONNX 选项</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="171"/>
        <source>Opset 13 loads in the most runtimes; later opsets write the same graph.</source>
        <translation>Opset 13 可在最多的运行时中加载；更高的 opset 写出相同的计算图。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="172"/>
        <source>Bake the preprocessing into the graph</source>
        <translation>将预处理嵌入计算图</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="176"/>
        <source>Opset:</source>
        <translation>Opset：</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="179"/>
        <source>Then the model takes raw 0–255 pixels (RGB for colour) and applies inversion, scaling and normalisation itself; otherwise its input is already preprocessed.</source>
        <translation>这样模型直接接受 0–255 的原始像素（彩色为 RGB），并自行完成反色、缩放和归一化；否则其输入须已预处理。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="185"/>
        <source>Parity check: engine vs OpenCV DNN</source>
        <translation>一致性检查：引擎 vs OpenCV DNN</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="190"/>
        <source> images</source>
        <translation> 张图像</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="191"/>
        <source>Check &amp;Parity</source>
        <translation>检查一致性(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="205"/>
        <source>Runs the images through the engine and through OpenCV&apos;s DNN on the ONNX export with the options above, and compares the class probabilities.</source>
        <translation>按上面的选项导出 ONNX，将图像分别送入引擎和 OpenCV 的 DNN，并比较类别概率。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="229"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — input %2 × %3 × %4, classes: %5, parameters: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 输入 %2 × %3 × %4，类别：%5，参数：%6</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="239"/>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot be exported: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 无法导出：%2</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="329"/>
        <source>⚠ This model is untrained: the export holds its random initial weights. Train it first for a useful model.</source>
        <translation>⚠ 此模型尚未训练：导出的是随机初始权重。请先训练，才能得到有用的模型。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="289"/>
        <source>Images: the built-in set.</source>
        <translation>图像：内置数据集。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="290"/>
        <source>Images: %1 (its test split when it has one).</source>
        <translation>图像：%1（有测试集时用测试集）。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="320"/>
        <source>⚠ The Keras script holds the architecture, the preprocessing and the training settings, not the weights: train it again in Keras, or export ONNX or PyTorch to keep the trained weights.</source>
        <translation>⚠ Keras 脚本包含架构、预处理和训练设置，但不含权重：请在 Keras 中重新训练，或导出 ONNX 或 PyTorch 以保留训练好的权重。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="325"/>
        <source>✔ The ONNX file holds the architecture and the trained weights.</source>
        <translation>✔ ONNX 文件包含架构和训练好的权重。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="326"/>
        <source>✔ The PyTorch project holds the architecture and the trained weights (weights.json and weights.bin).</source>
        <translation>✔ PyTorch 项目包含架构和训练好的权重（weights.json 和 weights.bin）。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="341"/>
        <source>The parity check compares the ONNX export.</source>
        <translation>一致性检查针对 ONNX 导出。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="342"/>
        <source>A folder for model.py, train.py and README.md</source>
        <translation>存放 model.py、train.py 和 README.md 的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="343"/>
        <source>The file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="352"/>
        <source>Export ONNX Model</source>
        <translation>导出 ONNX 模型</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="352"/>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="355"/>
        <source>Export Keras Code</source>
        <translation>导出 Keras 代码</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="355"/>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="358"/>
        <source>Folder for the PyTorch Project</source>
        <translation>PyTorch 项目的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="376"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出的保存位置。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="385"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="385"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="404"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="411"/>
        <source>Exported ONNX (opset %1%2) to %3</source>
        <translation>已导出 ONNX（opset %1%2）到 %3</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="413"/>
        <location filename="../widgets/export/export_dialog.cpp" line="483"/>
        <source>, preprocessing baked in</source>
        <translation>，已嵌入预处理</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="417"/>
        <source>Exported Keras code to %1</source>
        <translation>已导出 Keras 代码到 %1</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="420"/>
        <source>Exported the PyTorch project to %1</source>
        <translation>已导出 PyTorch 项目到 %1</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="424"/>
        <source>(untrained: random initial weights)</source>
        <translation>（未训练：随机初始权重）</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="445"/>
        <source>Checking %1 images…</source>
        <translation>正在检查 %1 张图像…</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="452"/>
        <source>✘ The parity check failed: %1</source>
        <translation>✘ 一致性检查失败：%1</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="454"/>
        <source>&lt;b&gt;✔ OK&lt;/b&gt; — the ONNX model agrees with the engine.</source>
        <translation>&lt;b&gt;✔ 通过&lt;/b&gt; — ONNX 模型与引擎一致。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="455"/>
        <source>&lt;b&gt;✘ Failed&lt;/b&gt; — the ONNX model differs from the engine.</source>
        <translation>&lt;b&gt;✘ 未通过&lt;/b&gt; — ONNX 模型与引擎不一致。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="457"/>
        <source>max |Δp| = &lt;b&gt;%1&lt;/b&gt;, mean |Δp| = %2, top-1 class agrees for &lt;b&gt;%3/%4&lt;/b&gt; images</source>
        <translation>最大 |Δp| = &lt;b&gt;%1&lt;/b&gt;，平均 |Δp| = %2，top-1 类别一致：&lt;b&gt;%3/%4&lt;/b&gt; 张图像</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="464"/>
        <source>differs for #%1</source>
        <translation>不一致：#%1</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="467"/>
        <source>Tolerance: %1</source>
        <translation>容差：%1</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="471"/>
        <source>test split of the project&apos;s dataset</source>
        <translation>项目数据集的测试集</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="474"/>
        <source>the project&apos;s dataset (it has no test split)</source>
        <translation>项目数据集（无测试集）</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="477"/>
        <source>the built-in set</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="480"/>
        <source>Images: %1; opset %2%3.</source>
        <translation>图像：%1；opset %2%3。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="487"/>
        <source>The project&apos;s images are %1, not the model&apos;s input size.</source>
        <translation>项目的图像为 %1，与模型的输入尺寸不符。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="489"/>
        <source>The project&apos;s dataset could not be loaded (%1).</source>
        <translation>无法加载项目的数据集（%1）。</translation>
    </message>
    <message>
        <location filename="../widgets/export/export_dialog.cpp" line="491"/>
        <source>Untrained model: its initial weights were compared.</source>
        <translation>未训练的模型：比较的是其初始权重。</translation>
    </message>
</context>
<context>
    <name>cs::gui::ExportUi</name>
    <message>
        <location filename="../app/export_ui.cpp" line="36"/>
        <source>&amp;Model (ONNX, Keras, PyTorch)…</source>
        <translation>模型(&amp;M)（ONNX、Keras、PyTorch）…</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="40"/>
        <source>Export the model as ONNX, Keras code or a PyTorch project, and check the ONNX export against the engine</source>
        <translation>将模型导出为 ONNX、Keras 代码或 PyTorch 项目，并将 ONNX 导出与引擎对照检查</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="44"/>
        <source>&amp;Import ONNX…</source>
        <translation>导入 ONNX(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="47"/>
        <source>Make an ONNX model the project: inspect, fine-tune, evaluate or use it on the camera</source>
        <translation>将 ONNX 模型作为项目打开：查看、微调、评估或用于摄像头</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="94"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="106"/>
        <source>Import ONNX Model</source>
        <translation>导入 ONNX 模型</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="107"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/export_ui.cpp" line="121"/>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
</context>
<context>
    <name>cs::gui::FeatureMapCanvas</name>
    <message>
        <location filename="../widgets/inspect/feature_map_canvas.cpp" line="137"/>
        <source>Pick a probe image: the activations of every layer appear here, live while training.</source>
        <translation>请选择一张探针图像：各层的激活会显示在这里，训练时实时更新。</translation>
    </message>
</context>
<context>
    <name>cs::gui::FeatureMapView</name>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="22"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="23"/>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="24"/>
        <source>Gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="25"/>
        <source>Diverging</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="26"/>
        <source>Colour map</source>
        <translation>色彩映射</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="28"/>
        <source>Each map on its own scale</source>
        <translation>每张特征图单独缩放</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="29"/>
        <source>One scale per layer</source>
        <translation>每层统一缩放</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="34"/>
        <source>Size of each map</source>
        <translation>每张特征图的大小</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="39"/>
        <source>Colours:</source>
        <translation>色彩：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="42"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="66"/>
        <source>untrained weights</source>
        <translation>未训练的权重</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="67"/>
        <source>epoch %1 · step %2</source>
        <translation>第 %1 轮 · 第 %2 步</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="104"/>
        <source>map %1</source>
        <translation>特征图 %1</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="104"/>
        <source>all units</source>
        <translation>所有单元</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="105"/>
        <source>%1 — %2 — values %3 … %4</source>
        <translation>%1 — %2 — 取值 %3 … %4</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/feature_map_view.cpp" line="109"/>
        <source>Feature map: %1</source>
        <translation>特征图：%1</translation>
    </message>
</context>
<context>
    <name>cs::gui::FilterView</name>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="97"/>
        <source>The model has no convolution.</source>
        <translation>模型中没有卷积层。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="100"/>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="107"/>
        <source>Kernel spread</source>
        <translation>卷积核离散度</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="107"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="107"/>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="136"/>
        <source>%1: %2 kernels of %3×%4 (RGB)</source>
        <translation>%1：%2 个 %3×%4 卷积核（RGB）</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="137"/>
        <source>%1: %2 kernels of %3×%4 (input channel 1 of %5; blue &lt; 0 &lt; red)</source>
        <translation>%1：%2 个 %3×%4 卷积核（输入通道 1/%5；蓝 &lt; 0 &lt; 红）</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/filter_view.cpp" line="163"/>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
</context>
<context>
    <name>cs::gui::ImageDetailDialog</name>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="24"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="26"/>
        <source>Show in Dataset</source>
        <translation>在数据集中显示</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="28"/>
        <source>Select this image on the Dataset page</source>
        <translation>在数据集页面选中此图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="33"/>
        <source>Move to Class</source>
        <translation>移到类别</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="107"/>
        <source>Image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="112"/>
        <source>Include in Training</source>
        <translation>纳入训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="112"/>
        <source>Exclude from Training</source>
        <translation>从训练中排除</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="115"/>
        <source>Only images of an image folder can be excluded or moved.</source>
        <translation>只有图像文件夹中的图像可以排除或移动。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="116"/>
        <source>Leave this image out of training (undoable)</source>
        <translation>训练时不使用此图像（可撤销）</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_dialog.cpp" line="117"/>
        <source>Move the file to another class folder (undoable)</source>
        <translation>把文件移到另一个类别文件夹（可撤销）</translation>
    </message>
</context>
<context>
    <name>cs::gui::ImageDetailView</name>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="24"/>
        <source>Original file</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="25"/>
        <source>Show the file as stored instead of the copy resized for training</source>
        <translation>显示存储的原始文件，而不是为训练缩放后的副本</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="40"/>
        <source>Train a model to see its probabilities for this image.</source>
        <translation>训练模型后即可查看它对这张图像的概率。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="41"/>
        <source>Use as Probe</source>
        <translation>用作探针图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="43"/>
        <source>Show this image&apos;s feature maps in the feature-map view</source>
        <translation>在特征图视图中显示这张图像的特征图</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="50"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="51"/>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="52"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="88"/>
        <source>No image selected</source>
        <translation>未选择图像</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="100"/>
        <source>%1 — in the training split</source>
        <translation>%1 — 属于训练集</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="101"/>
        <source>%1 — in the validation split</source>
        <translation>%1 — 属于验证集</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="102"/>
        <source>%1 — in the test split</source>
        <translation>%1 — 属于测试集</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="103"/>
        <source>%1 — in the training split, excluded from training</source>
        <translation>%1 — 属于训练集，已从训练中排除</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="104"/>
        <source>%1 — in the validation split, excluded from training</source>
        <translation>%1 — 属于验证集，已从训练中排除</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="105"/>
        <source>%1 — in the test split, excluded from training</source>
        <translation>%1 — 属于测试集，已从训练中排除</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="124"/>
        <source>confidence %1%, loss %2</source>
        <translation>置信度 %1%，损失 %2</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="128"/>
        <source>no prediction yet</source>
        <translation>尚无预测</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/image_detail_view.cpp" line="145"/>
        <source>%1 × %2 — point at a pixel to read its value</source>
        <translation>%1 × %2 — 指向像素即可读取其值</translation>
    </message>
</context>
<context>
    <name>cs::gui::InspectPanel</name>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="27"/>
        <source>Probe image</source>
        <translation>探针图像</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="30"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="48"/>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="49"/>
        <source>Filters and weights</source>
        <translation>滤波器与权重</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="51"/>
        <source>Where it looks</source>
        <translation>关注区域</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="64"/>
        <source>The views update a few times a second while a model trains; when idle they show the project&apos;s weights.</source>
        <translation>训练时这些视图每秒更新数次；空闲时显示项目中的权重。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="84"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="85"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2%)%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2%）%3</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/inspect_panel.cpp" line="88"/>
        <source> — untrained weights</source>
        <translation> — 未训练的权重</translation>
    </message>
</context>
<context>
    <name>cs::gui::LayerPalette</name>
    <message>
        <location filename="../widgets/designer/layer_palette.cpp" line="83"/>
        <source>Filter layers…</source>
        <translation>筛选层…</translation>
    </message>
</context>
<context>
    <name>cs::gui::LiveChart</name>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="121"/>
        <source>Log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="121"/>
        <source>Logarithmic y axis</source>
        <translation>对数纵轴</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="126"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="127"/>
        <source>Reset the zoom (or right-click the chart); drag a rectangle or use the wheel to zoom</source>
        <translation>重置缩放（或右键单击图表）；拖出矩形或使用滚轮缩放</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="131"/>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="131"/>
        <source>Export the chart as a PNG image</source>
        <translation>将图表导出为 PNG 图像</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="133"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="133"/>
        <source>Export every point of the chart as CSV</source>
        <translation>将图表的所有数据点导出为 CSV</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="509"/>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="509"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="515"/>
        <source>Export Chart Data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <location filename="../widgets/training/live_chart.cpp" line="515"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>cs::gui::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="29"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="30"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="31"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="32"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="33"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="34"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="35"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/main_window.cpp" line="37"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>cs::gui::MisclassifiedGallery</name>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="109"/>
        <source>Misclassified images appear here after an evaluation.</source>
        <translation>评估后，分类错误的图像会显示在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="147"/>
        <source>%1 → %2
%3%</source>
        <translation>%1 → %2
%3%</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="173"/>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="174"/>
        <source>Use as Probe</source>
        <translation>用作探针图像</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="175"/>
        <source>Show in Dataset</source>
        <translation>在数据集中显示</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="177"/>
        <source>Exclude from Training</source>
        <translation>从训练中排除</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="178"/>
        <source>Move to Class</source>
        <translation>移到类别</translation>
    </message>
    <message>
        <location filename="../widgets/training/misclassified_gallery.cpp" line="213"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/training/misclassified_gallery.cpp" line="216"/>
        <source>%n misclassified image(s), the most confident mistakes first. Click a cell of the matrix to see its images.</source>
        <translation>
            <numerusform>%n 张分类错误的图像，置信度最高的错误排在最前。点击矩阵中的单元格可查看对应图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/training/misclassified_gallery.cpp" line="220"/>
        <source>The %n correctly classified image(s) of %1 are not kept with the project (it keeps the evaluation&apos;s mistakes only). %2 to see them.</source>
        <translation>
            <numerusform>%1 中被正确分类的 %n 张图像不随项目保存（项目只保存评估中的错误）。%2以查看它们。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/training/misclassified_gallery.cpp" line="225"/>
        <source>%1 of the %n image(s) of %2 predicted as %3, the most confident first (the project keeps the evaluation&apos;s most confident mistakes). %4 to see them all.</source>
        <translation>
            <numerusform>%2 中被预测为 %3 的 %n 张图像里的 %1 张，置信度最高的在前（项目保存评估中置信度最高的错误）。%4以查看全部。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/training/misclassified_gallery.cpp" line="231"/>
        <source>%n image(s) of %1 predicted as %2, the most confident first.</source>
        <translation>
            <numerusform>%n 张 %1 被预测为 %2 的图像，置信度最高的排在最前。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::gui::ModelStatus</name>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="26"/>
        <source>Trainable and non-trainable parameters of the model</source>
        <translation>模型的可训练与不可训练参数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="27"/>
        <source>Multiply-add operations for one image (forward pass)</source>
        <translation>单张图像（前向传播）的乘加运算次数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="49"/>
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="50"/>
        <source>Multiply-adds: %1</source>
        <translation>乘加：%1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="52"/>
        <source>Memory (batch %1): %2</source>
        <translation>内存（批次 %1）：%2</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="53"/>
        <source>Activations and gradients for a batch of %1 images, plus weights, gradients and optimizer state</source>
        <translation>一批 %1 张图像的激活值与梯度，加上权重、梯度和优化器状态</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="60"/>
        <source>Model valid</source>
        <translation>模型有效</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="61"/>
        <source>Every layer has a shape; the model can be trained.</source>
        <translation>每一层都有确定的形状；模型可以训练。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="64"/>
        <source>1 problem</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="64"/>
        <source>%1 problems</source>
        <translation>%1 个问题</translation>
    </message>
    <message>
        <location filename="../widgets/designer/model_status.cpp" line="65"/>
        <source>Click to show the problems list.</source>
        <translation>单击显示问题列表。</translation>
    </message>
</context>
<context>
    <name>cs::gui::OnnxImportDialog</name>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="19"/>
        <source>Import ONNX Model</source>
        <translation>导入 ONNX 模型</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="35"/>
        <source>&amp;Open as Project</source>
        <translation>作为项目打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="69"/>
        <source>Layers: %1, parameters: %2, input %3 × %4 × %5.</source>
        <translation>层：%1，参数：%2，输入 %3 × %4 × %5。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="77"/>
        <source>Classes (%1): %2</source>
        <translation>类别（%1）：%2</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="79"/>
        <source>Class names from the file&apos;s metadata.</source>
        <translation>类别名来自文件的元数据。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="80"/>
        <source>No class names in the file: numbered 0…N-1.</source>
        <translation>文件中没有类别名：按 0…N-1 编号。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="84"/>
        <source>Preprocessing from the metadata: %1 × %2 × %3.</source>
        <translation>预处理来自元数据：%1 × %2 × %3。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="85"/>
        <source>No preprocessing in the metadata: pixels scaled to 0…1 (x/255) — check it in the training settings.</source>
        <translation>元数据中没有预处理：像素缩放到 0…1（x/255）— 请在训练设置中核对。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="88"/>
        <source>Layer names and layout restored from ConvStudio&apos;s metadata.</source>
        <translation>层名和布局已从 ConvStudio 元数据恢复。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="89"/>
        <source>It opens in the designer with its weights: inspect, fine-tune, evaluate or use it on the camera.</source>
        <translation>它将连同权重在设计器中打开：可查看、微调、评估或用于摄像头。</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="98"/>
        <source>This model cannot be imported:</source>
        <translation>无法导入此模型：</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/export/onnx_import_dialog.cpp" line="104"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cs::gui::PixelView</name>
    <message>
        <location filename="../widgets/dataset/pixel_view.cpp" line="44"/>
        <source>x %1, y %2: %3</source>
        <translation>x %1，y %2：%3</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/pixel_view.cpp" line="45"/>
        <source>x %1, y %2: R %3 G %4 B %5</source>
        <translation>x %1，y %2：R %3 G %4 B %5</translation>
    </message>
</context>
<context>
    <name>cs::gui::PredictionBars</name>
    <message>
        <location filename="../widgets/inspect/prediction_bars.cpp" line="14"/>
        <source>Class probabilities for the probe image; the green dot marks its true class</source>
        <translation>探针图像的各类别概率；绿点标出其真实类别</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/prediction_bars.cpp" line="33"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/prediction_bars.cpp" line="44"/>
        <source>No prediction yet</source>
        <translation>尚无预测</translation>
    </message>
</context>
<context>
    <name>cs::gui::ProbePicker</name>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="55"/>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="56"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="59"/>
        <location filename="../widgets/inspect/probe_picker.cpp" line="146"/>
        <source>Image number</source>
        <translation>图像编号</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="60"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="65"/>
        <source>No dataset loaded</source>
        <translation>未加载数据集</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="145"/>
        <source>The probe is not an image of this dataset; pick a number to show one</source>
        <translation>探针图像不是此数据集中的图像；选择一个编号可显示数据集中的图像</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="156"/>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/probe_picker.cpp" line="157"/>
        <source>True class: %1</source>
        <translation>真实类别：%1</translation>
    </message>
</context>
<context>
    <name>cs::gui::ProblemsView</name>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="32"/>
        <source>Padding &apos;same&apos;</source>
        <translation>填充 &apos;same&apos;</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="32"/>
        <source>Pad the input so the window fits (the output keeps its size)</source>
        <translation>填充输入使窗口能放下（输出保持原尺寸）</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="40"/>
        <source>Kernel %1x%1</source>
        <translation>卷积核 %1x%1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="40"/>
        <source>Pool %1x%1</source>
        <translation>池化 %1x%1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="41"/>
        <source>A kernel as large as the input</source>
        <translation>与输入一样大的卷积核</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="41"/>
        <source>A pool window as large as the input</source>
        <translation>与输入一样大的池化窗口</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="50"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="50"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="50"/>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="87"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/designer/problems_view.cpp" line="94"/>
        <source>No problems: every layer has a shape.</source>
        <translation>没有问题：每一层都有确定的形状。</translation>
    </message>
</context>
<context>
    <name>cs::gui::ProjectController</name>
    <message>
        <location filename="../app/project_controller.cpp" line="51"/>
        <location filename="../app/project_controller.cpp" line="217"/>
        <source>ConvStudio projects (*.csmodel)</source>
        <translation>ConvStudio 项目 (*.csmodel)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="51"/>
        <location filename="../app/project_controller.cpp" line="294"/>
        <source>Model JSON (*.json)</source>
        <translation>模型 JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="52"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="59"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="61"/>
        <source>Start an empty model</source>
        <translation>新建空模型</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="62"/>
        <source>New from &amp;Preset</source>
        <translation>从预设新建(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="64"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="66"/>
        <source>Open a project or model file</source>
        <translation>打开项目或模型文件</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="67"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="71"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="73"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="75"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="76"/>
        <source>Model &amp;Summary (Text)…</source>
        <translation>模型摘要(&amp;S)（文本）…</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="77"/>
        <source>&amp;Graph (JSON)…</source>
        <translation>网络结构(&amp;G)（JSON）…</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="79"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="83"/>
        <source>Load &amp;Preset</source>
        <translation>加载预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="102"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="103"/>
        <source>%1 (preset)</source>
        <translation>%1（预设）</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="147"/>
        <source>the model</source>
        <translation>该模型</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="152"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="148"/>
        <source>Save the changes to %1 before closing it?</source>
        <translation>关闭前是否保存对 %1 的更改？</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="46"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="164"/>
        <location filename="../app/project_controller.cpp" line="169"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="173"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="182"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="186"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="187"/>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="193"/>
        <location filename="../app/project_controller.cpp" line="199"/>
        <location filename="../app/project_controller.cpp" line="266"/>
        <source>Open another project</source>
        <translation>打开另一个项目</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="194"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="217"/>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="227"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="234"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="272"/>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="284"/>
        <source>Export Model Summary</source>
        <translation>导出模型摘要</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="284"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="289"/>
        <location filename="../app/project_controller.cpp" line="304"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="289"/>
        <location filename="../app/project_controller.cpp" line="304"/>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <location filename="../app/project_controller.cpp" line="294"/>
        <source>Export Graph</source>
        <translation>导出网络结构</translation>
    </message>
</context>
<context>
    <name>cs::gui::PropertyEditor</name>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="40"/>
        <source>Select a layer on the canvas to edit its options.</source>
        <translation>在画布上选择一个层以编辑其选项。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="71"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="85"/>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="86"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="87"/>
        <source>Multiply-adds</source>
        <translation>乘加</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="112"/>
        <source>Names must be unique and not empty.</source>
        <translation>名称必须唯一且不能为空。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="152"/>
        <source>Unknown layer kind; it cannot be edited.</source>
        <translation>未知的层类型，无法编辑。</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="204"/>
        <source>Range: %1 to %2</source>
        <translation>范围：%1 到 %2</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="205"/>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="213"/>
        <source>Reset to the default (%1)</source>
        <translation>恢复默认值（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/designer/property_editor.cpp" line="277"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>cs::gui::RunComparison</name>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="74"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="74"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="74"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="74"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="74"/>
        <source>Best val. accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="75"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="75"/>
        <source>Ended</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="75"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="81"/>
        <source>Run %1</source>
        <translation>第 %1 次运行</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="87"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="95"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="96"/>
        <source>stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="97"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="102"/>
        <source>%1 (epoch %2)</source>
        <translation>%1（第 %2 轮）</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="109"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="112"/>
        <source>Tick two or more runs to compare their settings.</source>
        <translation>勾选两个或更多运行以比较其设置。</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="113"/>
        <source>The runs used the same settings.</source>
        <translation>这些运行使用了相同的设置。</translation>
    </message>
    <message>
        <location filename="../widgets/training/run_comparison.cpp" line="114"/>
        <source>Settings that differ:</source>
        <translation>不同的设置：</translation>
    </message>
</context>
<context>
    <name>cs::gui::SplitEditor</name>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="24"/>
        <source>Share of each class held out of training to validate on</source>
        <translation>每个类别留出用于验证的比例</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="28"/>
        <source>The training seed: it picks the validation images and the training order</source>
        <translation>训练随机种子：决定验证图像的选取和训练顺序</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="34"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="34"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="34"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="34"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="34"/>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="42"/>
        <source>Validation share:</source>
        <translation>验证比例：</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="43"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="73"/>
        <source>No dataset loaded.</source>
        <translation>未加载数据集。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="75"/>
        <source>This dataset has its own validation set; no share of the training images is held out.</source>
        <translation>此数据集自带验证集；不会从训练图像中留出验证部分。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="77"/>
        <source>Each class keeps its share (stratified). The test set is never touched.</source>
        <translation>每个类别按比例保留（分层抽样）。测试集不会被使用。</translation>
    </message>
    <message>
        <location filename="../widgets/dataset/split_editor.cpp" line="110"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>cs::gui::StartPage</name>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="62"/>
        <source>Design, train and inspect convolutional networks for image recognition.</source>
        <translation>设计、训练和检查用于图像识别的卷积神经网络。</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="77"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="79"/>
        <source>Empty model</source>
        <translation>空模型</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="79"/>
        <source>A blank canvas: drag layers from the palette.</source>
        <translation>空白画布：从层面板拖入各层。</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="84"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="97"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="105"/>
        <source>Open Project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../widgets/common/start_page.cpp" line="126"/>
        <source>No recent projects yet.</source>
        <translation>还没有最近的项目。</translation>
    </message>
</context>
<context>
    <name>cs::gui::Studio</name>
    <message>
        <location filename="../app/studio.cpp" line="40"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="91"/>
        <source>Open another project</source>
        <translation>打开另一个项目</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="124"/>
        <location filename="../app/studio.cpp" line="130"/>
        <source>&amp;Start Page</source>
        <translation>开始页(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="132"/>
        <source>&amp;About ConvStudio</source>
        <translation>关于 ConvStudio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="133"/>
        <source>About ConvStudio</source>
        <translation>关于 ConvStudio</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="134"/>
        <source>&lt;h3&gt;ConvStudio %1&lt;/h3&gt;&lt;p&gt;Design, train and inspect convolutional neural networks for image recognition on your own computer.&lt;/p&gt;&lt;p&gt;Built with Qt %2, Eigen and OpenCV.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ConvStudio %1&lt;/h3&gt;&lt;p&gt;在您自己的电脑上设计、训练和检查用于图像识别的卷积神经网络。&lt;/p&gt;&lt;p&gt;基于 Qt %2、Eigen 和 OpenCV 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="141"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingCharts</name>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="66"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="66"/>
        <location filename="../widgets/training/training_charts.cpp" line="76"/>
        <location filename="../widgets/training/training_charts.cpp" line="85"/>
        <location filename="../widgets/training/training_charts.cpp" line="319"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="66"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="71"/>
        <source>training (batch)</source>
        <translation>训练（批次）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="72"/>
        <source>training (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="73"/>
        <source>training (epoch)</source>
        <translation>训练（轮次）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="74"/>
        <location filename="../widgets/training/training_charts.cpp" line="83"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="76"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="76"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="81"/>
        <source>training (batches)</source>
        <translation>训练（批次）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="82"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="85"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="85"/>
        <location filename="../widgets/training/training_charts.cpp" line="90"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="97"/>
        <source>Exponential moving average of the curves (0: raw). The raw curve stays faint behind.</source>
        <translation>曲线的指数移动平均（0：原始曲线）。原始曲线以浅色显示在后面。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="101"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="102"/>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="103"/>
        <source>Draw the curves against the epoch or the training time in minutes (pauses left out)</source>
        <translation>以轮次或训练时间（分钟，不含暂停）为横轴绘制曲线</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="106"/>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="110"/>
        <source>X axis:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="277"/>
        <source>%1 (raw)</source>
        <translation>%1（原始）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="282"/>
        <location filename="../widgets/training/training_charts.cpp" line="284"/>
        <source>%1 training</source>
        <translation>%1 训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="283"/>
        <location filename="../widgets/training/training_charts.cpp" line="285"/>
        <source>%1 validation</source>
        <translation>%1 验证</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_charts.cpp" line="319"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingController</name>
    <message>
        <location filename="../app/training_controller.cpp" line="119"/>
        <source>The dataset changed while the run waited for it; start it again.</source>
        <translation>等待数据时数据集已更改；请重新开始训练。</translation>
    </message>
    <message>
        <location filename="../app/training_controller.cpp" line="141"/>
        <source>The dataset could not be loaded: %1</source>
        <translation>无法加载数据集：%1</translation>
    </message>
    <message>
        <location filename="../app/training_controller.cpp" line="148"/>
        <source>A training is already running.</source>
        <translation>已有训练正在进行。</translation>
    </message>
    <message>
        <location filename="../app/training_controller.cpp" line="154"/>
        <source>The training settings are not valid: %1</source>
        <translation>训练设置无效：%1</translation>
    </message>
    <message>
        <location filename="../app/training_controller.cpp" line="218"/>
        <source>Wait for the training to finish before evaluating.</source>
        <translation>请等待训练结束后再评估。</translation>
    </message>
    <message>
        <location filename="../app/training_controller.cpp" line="222"/>
        <source>Load a dataset first.</source>
        <translation>请先加载数据集。</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingLog</name>
    <message>
        <location filename="../widgets/training/training_log.cpp" line="14"/>
        <source>Each epoch and every warning of the run appears here.</source>
        <translation>训练的每一轮和每条警告都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_log.cpp" line="18"/>
        <source>Epoch %1/%2 — %3 s — loss %4 — accuracy %5</source>
        <translation>第 %1/%2 轮 — %3 秒 — 损失 %4 — 准确率 %5</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_log.cpp" line="25"/>
        <source> — val_loss %1 — val_accuracy %2</source>
        <translation> — 验证损失 %1 — 验证准确率 %2</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_log.cpp" line="26"/>
        <source> — lr %1</source>
        <translation> — 学习率 %1</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingPanel</name>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="31"/>
        <location filename="../widgets/training/training_panel.cpp" line="221"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="33"/>
        <location filename="../widgets/training/training_panel.cpp" line="243"/>
        <source>Start a new run with these settings (F5)</source>
        <translation>用这些设置开始新的训练（F5）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="34"/>
        <location filename="../widgets/training/training_panel.cpp" line="245"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="36"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="38"/>
        <source>Stop after the current batch; a checkpoint keeps the position</source>
        <translation>在当前批次后停止；检查点会保存进度</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="39"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="41"/>
        <source>Continue the stopped or interrupted run from its checkpoint</source>
        <translation>从检查点继续已停止或中断的训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="67"/>
        <source>Tick a run to overlay its curves on the charts</source>
        <translation>勾选一次训练，将其曲线叠加到图表上</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="71"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="72"/>
        <source>Use Best Weights</source>
        <translation>使用最佳权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="74"/>
        <location filename="../widgets/training/training_panel.cpp" line="257"/>
        <source>Put the selected run&apos;s best weights into the project (Edit ▸ Undo takes them back)</source>
        <translation>把所选运行的最佳权重放入项目（编辑 ▸ 撤销可恢复）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="75"/>
        <source>Use Last Weights</source>
        <translation>使用最后权重</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/training/training_panel.cpp" line="78"/>
        <source>The project keeps the best weights (by validation accuracy) unless you pick another run. The last %n run(s) keep their best and last weights in the project file; older runs keep their record and curves.</source>
        <translation>
            <numerusform>项目保留最佳权重（按验证准确率），除非你选择另一次运行。最近 %n 次运行的最佳权重和最后权重保存在项目文件中；更早的运行只保留记录和曲线。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="91"/>
        <location filename="../widgets/training/training_panel.cpp" line="189"/>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="93"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="121"/>
        <location filename="../widgets/training/training_panel.cpp" line="170"/>
        <location filename="../widgets/training/training_panel.cpp" line="187"/>
        <source>Run %1</source>
        <translation>第 %1 次训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="132"/>
        <source>Weights: &lt;b&gt;not trained&lt;/b&gt; — the model starts from random weights.</source>
        <translation>权重：&lt;b&gt;未训练&lt;/b&gt; — 模型从随机权重开始。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="143"/>
        <source>%1 epochs, %2, lr %3, batch %4</source>
        <translation>%1 轮，%2，学习率 %3，批大小 %4</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="148"/>
        <source>, fine-tuned</source>
        <translation>，微调</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="150"/>
        <source>, val. accuracy %1%</source>
        <translation>，验证准确率 %1%</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="152"/>
        <source>, test %1%</source>
        <translation>，测试 %1%</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="153"/>
        <source> (stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="154"/>
        <source> (stopped early)</source>
        <translation>（提前停止）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="171"/>
        <source> — weights in use</source>
        <translation> — 正在使用的权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="173"/>
        <source> · best and last weights kept</source>
        <translation> · 已保留最佳和最后权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="173"/>
        <source> · weights kept</source>
        <translation> · 已保留权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="189"/>
        <source>Runs (%1)</source>
        <translation>训练记录（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="221"/>
        <source>Continue Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="221"/>
        <source>Train from Scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="245"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/training/training_panel.cpp" line="256"/>
        <location filename="../widgets/training/training_panel.cpp" line="261"/>
        <source>This run&apos;s weights are no longer kept (only the last %n runs keep theirs)</source>
        <translation>
            <numerusform>此运行的权重已不再保留（只有最近 %n 次运行保留权重）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="263"/>
        <source>This run&apos;s last weights are its best: its last epoch measured best (or nothing was measured)</source>
        <translation>此运行的最后权重就是其最佳权重：最后一轮的评估结果最好（或未做评估）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_panel.cpp" line="264"/>
        <source>Put the selected run&apos;s weights after its last batch into the project (Edit ▸ Undo takes them back)</source>
        <translation>把所选运行最后一个批次之后的权重放入项目（编辑 ▸ 撤销可恢复）</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingProgress</name>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="51"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="107"/>
        <source>Epoch %1: %2</source>
        <translation>第 %1 轮：%2</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="108"/>
        <source>Elapsed: %1 (pauses left out)</source>
        <translation>已用时间：%1（不含暂停）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="144"/>
        <source>%1Epoch %2/%3 · batch %4/%5 · %6 samples/s · %7 elapsed · ETA %8</source>
        <translation>%1第 %2/%3 轮 · 批次 %4/%5 · %6 样本/秒 · 已用 %7 · 剩余 %8</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="145"/>
        <location filename="../widgets/training/training_progress.cpp" line="165"/>
        <location filename="../widgets/training/training_progress.cpp" line="166"/>
        <location filename="../widgets/training/training_progress.cpp" line="167"/>
        <source>Paused · </source>
        <translation>已暂停 · </translation>
    </message>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="160"/>
        <source>Loading the dataset… %1%</source>
        <translation>正在加载数据集… %1%</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_progress.cpp" line="160"/>
        <source>Loading the dataset…</source>
        <translation>正在加载数据集…</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingSettingsForm</name>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="92"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="93"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="94"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="95"/>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="97"/>
        <source>The base learning rate; the arrows halve and double it</source>
        <translation>基础学习率；箭头按钮将其减半或加倍</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="99"/>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="101"/>
        <source>L2 penalty on kernels (decoupled for AdamW)</source>
        <translation>对卷积核和权重的 L2 惩罚（AdamW 为解耦形式）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="103"/>
        <location filename="../widgets/training/training_settings_form.cpp" line="191"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="104"/>
        <source>Scale the gradients down when their global norm exceeds this</source>
        <translation>梯度的全局范数超过此值时按比例缩小</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="106"/>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="107"/>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="108"/>
        <source>Exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="109"/>
        <source>Cosine (with warm-up)</source>
        <translation>余弦（带预热）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="110"/>
        <source>Reduce on plateau</source>
        <translation>平台期降低</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="112"/>
        <location filename="../widgets/training/training_settings_form.cpp" line="119"/>
        <location filename="../widgets/training/training_settings_form.cpp" line="192"/>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="115"/>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="122"/>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="123"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="124"/>
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="126"/>
        <source>Weight decay:</source>
        <translation>权重衰减：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="127"/>
        <source>Gradient clipping:</source>
        <translation>梯度裁剪：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="128"/>
        <source>Schedule:</source>
        <translation>学习率策略：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="129"/>
        <source>Every:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="130"/>
        <source>Factor:</source>
        <translation>系数：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="131"/>
        <source>Warm-up:</source>
        <translation>预热：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="132"/>
        <source>Minimum rate:</source>
        <translation>最小学习率：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="133"/>
        <location filename="../widgets/training/training_settings_form.cpp" line="196"/>
        <source>Patience:</source>
        <translation>耐心：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="142"/>
        <source>Share of the training images held out (per class) when the dataset has no validation set of its own</source>
        <translation>数据集没有自带验证集时，从训练图像中（按类别）留出的比例</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="145"/>
        <source>The same seed and thread count give the same run</source>
        <translation>相同的种子和线程数会得到相同的训练结果</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="147"/>
        <source>all cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="157"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="158"/>
        <source>Every image counts once per epoch. Right when the classes have about as many images each.</source>
        <translation>每轮中每张图像只计一次。适合各类别图像数量大致相同的情况。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="159"/>
        <source>Weight the loss by class frequency</source>
        <translation>按类别频率加权损失</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="160"/>
        <source>Each training image&apos;s loss is multiplied by images / (classes × images of its class), so every class weighs as much in total; epochs keep their length. Good for moderate imbalance and large datasets. The validation loss stays unweighted.</source>
        <translation>每张训练图像的损失乘以 图像总数 / (类别数 × 其所属类别的图像数)，使每个类别的总权重相同；每轮长度不变。适合中等程度的不平衡和大型数据集。验证损失不加权。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="163"/>
        <source>Oversample rare classes</source>
        <translation>对稀有类别过采样</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="164"/>
        <source>Every epoch draws each class as often as the largest one: rare images repeat (augmentation varies them) and epochs get longer. Good for strong imbalance in small datasets.</source>
        <translation>每轮中每个类别的抽取次数与最大的类别相同：稀有类别的图像会重复出现（数据增强使其各不相同），每轮也会变长。适合小型数据集中的严重不平衡。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="168"/>
        <source>How to train on a dataset where some classes have far fewer images than others (the Dataset view shows the class balance).</source>
        <translation>某些类别的图像远少于其他类别时如何训练（数据集视图显示类别分布）。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="184"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="185"/>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="186"/>
        <source>Validation split:</source>
        <translation>验证集比例：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="187"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="188"/>
        <source>Threads:</source>
        <translation>线程：</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="193"/>
        <source>Stop when the validation loss has not improved for this many epochs</source>
        <translation>验证损失在这么多轮内没有改善时停止</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="194"/>
        <source>Restore the best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="203"/>
        <source>next to the project</source>
        <translation>项目文件旁边</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="205"/>
        <source>Checkpoints are written after every epoch and when a run stops, so it can continue after the studio was closed</source>
        <translation>每轮结束和训练停止时都会写入检查点，关闭软件后也能继续训练</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="223"/>
        <source>Start</source>
        <translation>起始权重</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="224"/>
        <source>Optimization</source>
        <translation>优化</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="225"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="227"/>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="226"/>
        <source>Class balance</source>
        <translation>类别平衡</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="73"/>
        <source>From scratch (random weights)</source>
        <translation>从头开始（随机权重）</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="75"/>
        <source>Start from the random weights the seed gives</source>
        <translation>从随机种子给出的随机权重开始</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="76"/>
        <source>Continue from current weights</source>
        <translation>从当前权重继续</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="79"/>
        <source>Fine-tune: train further from the project&apos;s weights (a trained or an imported model) instead of random ones. The optimizer starts afresh; a smaller learning rate than for training from scratch usually works better.</source>
        <translation>微调：从项目的权重（已训练或导入的模型）继续训练，而不是从随机权重开始。优化器会重新开始；学习率通常应比从头训练时更小。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="228"/>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="229"/>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="350"/>
        <source>The learning rate must be greater than 0.</source>
        <translation>学习率必须大于 0。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="351"/>
        <source>A learning rate above 1 makes the loss diverge; try 0.001 to 0.1.</source>
        <translation>学习率大于 1 会使损失发散；请尝试 0.001 到 0.1。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="354"/>
        <source>The schedule&apos;s minimum rate must be below the learning rate.</source>
        <translation>学习率策略的最小学习率必须低于学习率。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="355"/>
        <source>Hold out less than 90% for validation.</source>
        <translation>验证集比例应小于 90%。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="357"/>
        <source>Early stopping patience (%1) must be smaller than the number of epochs (%2).</source>
        <translation>提前停止的耐心（%1）必须小于轮数（%2）。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="378"/>
        <source>These settings have explicit class weights (%1): they weight the loss with any choice here, in place of the ones computed from class frequency.</source>
        <translation>这些设置带有显式的类别权重（%1）：无论此处选择哪一项，损失都按这些权重加权，而不使用按类别频率计算的权重。</translation>
    </message>
    <message>
        <location filename="../widgets/training/training_settings_form.cpp" line="408"/>
        <source>Checkpoint Folder</source>
        <translation>检查点文件夹</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingUi</name>
    <message>
        <location filename="../app/training_ui.cpp" line="45"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="46"/>
        <source>Inspect</source>
        <translation>检视</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="47"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="265"/>
        <location filename="../app/training_ui.cpp" line="152"/>
        <source>&amp;Start Training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="155"/>
        <source>Train the model with the settings of the Training page</source>
        <translation>用“训练”页上的设置训练模型</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="304"/>
        <location filename="../app/training_ui.cpp" line="156"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="154"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="164"/>
        <source>S&amp;top Training</source>
        <translation>停止训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="167"/>
        <source>&amp;Continue Interrupted Run</source>
        <translation>继续中断的训练(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="169"/>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="171"/>
        <source>Measure the trained weights on the test set</source>
        <translation>在测试集上衡量训练好的权重</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="173"/>
        <source>Show T&amp;raining</source>
        <translation>显示训练(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="174"/>
        <source>Show &amp;Feature Maps</source>
        <translation>显示特征图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="175"/>
        <source>Show E&amp;valuation</source>
        <translation>显示评估(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="193"/>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="194"/>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="195"/>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次后停止…</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="202"/>
        <source>The model is training: it cannot be edited until the run stops (Stop or Shift+F5).</source>
        <translation>模型正在训练：训练停止前无法编辑（停止或 Shift+F5）。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="209"/>
        <source>Dataset %1: %2 training, %3 validation and %4 test images, %5 classes.</source>
        <translation>数据集 %1：%2 张训练图像、%3 张验证图像、%4 张测试图像，%5 个类别。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="219"/>
        <source>Dataset loaded</source>
        <translation>数据集已加载</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="221"/>
        <source>Loading cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="223"/>
        <source>The dataset could not be loaded: %1</source>
        <translation>无法加载数据集：%1</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="224"/>
        <source>Dataset not loaded</source>
        <translation>数据集未加载</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="231"/>
        <source>Continuing the interrupted run (%1 epochs, batch %2, %3, lr %4).</source>
        <translation>继续中断的训练（%1 轮，批大小 %2，%3，学习率 %4）。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="236"/>
        <source>Training started: %1 epochs, batch %2, %3, lr %4, seed %5.</source>
        <translation>训练开始：%1 轮，批大小 %2，%3，学习率 %4，种子 %5。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="264"/>
        <source>Evaluation on the test set: accuracy %1%, loss %2 (%3 images).</source>
        <translation>在测试集上评估：准确率 %1%，损失 %2（%3 张图像）。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="266"/>
        <source>Evaluation on the validation set: accuracy %1%, loss %2 (%3 images).</source>
        <translation>在验证集上评估：准确率 %1%，损失 %2（%3 张图像）。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="267"/>
        <source>Evaluation on the training set: accuracy %1%, loss %2 (%3 images).</source>
        <translation>在训练集上评估：准确率 %1%，损失 %2（%3 张图像）。</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="271"/>
        <source>Evaluation ready: %1% accuracy — see the Evaluation page</source>
        <translation>评估完成：准确率 %1% — 请查看“评估”页</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="275"/>
        <source>The evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <location filename="../app/training_ui.cpp" line="290"/>
        <source>The project&apos;s training settings are not valid (%1); the defaults are shown.</source>
        <translation>项目的训练设置无效（%1）；显示的是默认值。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="46"/>
        <source>the model is incomplete</source>
        <translation>模型不完整</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="47"/>
        <source>The model cannot be trained: %1</source>
        <translation>无法训练模型：%1</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="72"/>
        <location filename="../app/training_runs.cpp" line="103"/>
        <source>Start Training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="73"/>
        <source>An unfinished run of this project stopped after %1 of %2 epochs. Continue it, or start a new run (its checkpoint will be replaced)?</source>
        <translation>此项目有一次未完成的训练，在完成 %2 轮中的 %1 轮后停止。要继续它，还是开始新的训练（其检查点将被替换）？</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="197"/>
        <source>Stopped after %1 of %2 epochs</source>
        <translation>在完成 %2 轮中的 %1 轮后停止</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="237"/>
        <source>The project keeps %1: %2. Runs ▸ Use Best Weights puts this run&apos;s weights in.</source>
        <translation>项目保留%1：%2。运行 ▸ 使用最佳权重 可换用此运行的权重。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="245"/>
        <source>The project now uses the last weights of run %1 (Edit ▸ Undo takes them back).</source>
        <translation>项目现在使用第 %1 次运行的最后权重（编辑 ▸ 撤销可恢复）。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="246"/>
        <source>The project now uses the best weights of run %1 (Edit ▸ Undo takes them back).</source>
        <translation>项目现在使用第 %1 次运行的最佳权重（编辑 ▸ 撤销可恢复）。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="270"/>
        <source>The project has no weights yet: train it once from scratch.</source>
        <translation>项目还没有权重：请先从头训练一次。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="271"/>
        <source>The weights no longer fit the graph, which changed after training.</source>
        <translation>训练后模型结构已更改，现有权重不再适用。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="328"/>
        <source>Interrupted after %1 of %2 epochs (%3)</source>
        <translation>在完成 %2 轮中的 %1 轮后中断（%3）</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="333"/>
        <source>This project has an unfinished training run: it stopped after %1 of %2 epochs (checkpoint of %3).

Continue it now?</source>
        <translation>此项目有一次未完成的训练：在完成 %2 轮中的 %1 轮后停止（检查点时间 %3）。

现在继续吗？</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="78"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="79"/>
        <source>New Run</source>
        <translation>新的训练</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="169"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="170"/>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/training_runs.cpp" line="172"/>
        <source>Training stopped after %n complete epoch(s); the checkpoint keeps the position.</source>
        <translation>
            <numerusform>训练在完成 %n 轮后停止；检查点保存了进度。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/training_runs.cpp" line="177"/>
        <source>Training finished: %n epoch(s).</source>
        <translation>
            <numerusform>训练完成：%n 轮。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="220"/>
        <source>The trained weights are now part of the project (not saved yet; Edit ▸ Undo brings back the previous weights). Editing the graph makes them outdated.</source>
        <translation>训练得到的权重已成为项目的一部分（尚未保存；“编辑 ▸ 撤销”可恢复之前的权重）。编辑模型结构会使其过时。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="191"/>
        <source>The model was changed during the run, so its weights were not stored in the project.</source>
        <translation>训练期间模型被修改，因此其权重没有存入项目。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="104"/>
        <source>This project has trained weights. Continue training from them, or train from scratch (random weights; the current weights stay in the project unless the new run is better)?

The choice is remembered in the project (Training ▸ Start).</source>
        <translation>此项目已有训练好的权重。从这些权重继续训练，还是从头训练（随机权重；除非新的运行更好，否则当前权重保留在项目中）？

此选择会记录在项目中（训练 ▸ 开始）。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="109"/>
        <source>Continue Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="111"/>
        <source>Train from Scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="127"/>
        <source>%1: a training run is in progress (%2).

Stop it first? Its checkpoint keeps the position, so Train ▸ Continue Interrupted Run can go on later.</source>
        <translation>%1：有一次训练正在进行（%2）。

先停止它吗？检查点会记住训练位置，之后可用 训练 ▸ 继续中断的运行 接着训练。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="132"/>
        <source>Stop and Keep the Checkpoint</source>
        <translation>停止并保留检查点</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="134"/>
        <source>Keep Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="156"/>
        <source>They include the run just stopped: its record, and its weights if they are better than the project&apos;s.</source>
        <translation>其中包括刚停止的运行：它的记录，以及（如果优于项目现有权重）它的权重。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="175"/>
        <source>Stopped after %1</source>
        <translation>已在 %1 后停止</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="179"/>
        <source>Training finished in %1</source>
        <translation>训练完成，用时 %1</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="182"/>
        <source>Training time %1 (pauses left out), %2 per finished epoch on average.</source>
        <translation>训练用时 %1（不含暂停），完成的每轮平均 %2。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="216"/>
        <source> This run kept its best epoch, %1 of %2 (validation accuracy %3%).</source>
        <translation> 此运行保留了其最佳轮次：第 %1 轮（共 %2 轮，验证准确率 %3%）。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="231"/>
        <source>the weights of run %1 (validation accuracy %2%)</source>
        <translation>第 %1 次运行的权重（验证准确率 %2%）</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="234"/>
        <source>its current weights</source>
        <translation>其当前权重</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="235"/>
        <source>this run reached %1%</source>
        <translation>此运行达到 %1%</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="236"/>
        <source>this run was stopped before it could be measured</source>
        <translation>此运行在能够评估之前就被停止了</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="266"/>
        <source>&amp;Start Training (Continue from the Weights)</source>
        <translation>开始训练（从现有权重继续）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="267"/>
        <source>&amp;Start Training (from Scratch)</source>
        <translation>开始训练（从头开始）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="274"/>
        <source>Weights: &lt;b&gt;paused&lt;/b&gt; — Resume (F6) goes on. The model cannot be edited until the run stops.</source>
        <translation>权重：&lt;b&gt;已暂停&lt;/b&gt; — 按“继续”（F6）接着训练。运行停止前无法编辑模型。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="278"/>
        <source>Weights: &lt;b&gt;training…&lt;/b&gt; The model cannot be edited until the run stops.</source>
        <translation>权重：&lt;b&gt;训练中…&lt;/b&gt; 训练停止前无法编辑模型。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="282"/>
        <source>Weights: &lt;b&gt;not trained&lt;/b&gt; — the model starts from random weights.</source>
        <translation>权重：&lt;b&gt;未训练&lt;/b&gt; — 模型从随机权重开始。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="287"/>
        <source>Weights: &lt;b style=&apos;color:#c0392b&apos;&gt;outdated&lt;/b&gt; — the graph changed after training; train again.</source>
        <translation>权重：&lt;b style=&apos;color:#c0392b&apos;&gt;已过时&lt;/b&gt; — 训练后模型结构已更改；请重新训练。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="291"/>
        <source>Weights: &lt;b style=&apos;color:#1e8449&apos;&gt;trained&lt;/b&gt;</source>
        <translation>权重：&lt;b style=&apos;color:#1e8449&apos;&gt;已训练&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="293"/>
        <source> (run %1, last weights)</source>
        <translation>（第 %1 次运行，最后权重）</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="294"/>
        <source> (run %1)</source>
        <translation>（第 %1 次训练）</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="295"/>
        <source> — editing the graph makes them outdated.</source>
        <translation> — 编辑模型结构会使其过时。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="304"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="332"/>
        <source>Resume training?</source>
        <translation>继续训练？</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="382"/>
        <source>Outdated: these figures measured the weights the project used before Use Best / Use Last Weights. Press Evaluate to measure the weights in use.</source>
        <translation>已过时：这些数字衡量的是项目在“使用最佳权重 / 使用最后权重”之前使用的权重。请按“评估”来衡量当前使用的权重。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="386"/>
        <source>Saved with the project: the gallery holds the %1 most confident of %2 mistakes; Evaluate measures again.</source>
        <translation>随项目保存：图库中是 %2 个错误中最有把握的 %1 个；点击“评估”可重新测量。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="391"/>
        <source>Saved with the project; Evaluate measures again.</source>
        <translation>随项目保存；点击“评估”可重新测量。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="394"/>
        <source>The project&apos;s saved evaluation cannot be shown: %1</source>
        <translation>无法显示项目中保存的评估结果：%1</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="406"/>
        <source>The evaluation could not be kept in the project: %1</source>
        <translation>无法把评估结果保存到项目中：%1</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="431"/>
        <source>The model has no trained weights yet: train it first.</source>
        <translation>模型还没有训练好的权重：请先训练。</translation>
    </message>
    <message>
        <location filename="../app/training_runs.cpp" line="435"/>
        <source>Loading the dataset…</source>
        <translation>正在加载数据集…</translation>
    </message>
</context>
<context>
    <name>cs::gui::TrainingWorker</name>
    <message>
        <location filename="../app/training_worker.cpp" line="82"/>
        <source>The checkpoint&apos;s model differs from the project&apos;s; continuing the checkpoint&apos;s model.</source>
        <translation>检查点中的模型与项目中的不同；将继续使用检查点中的模型。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/training_worker.cpp" line="84"/>
        <source>%n excluded image(s) left out of training.</source>
        <translation>
            <numerusform>已将 %n 张被排除的图像留在训练之外。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="86"/>
        <source>Validation: %1 images held out of the training set (%2%).</source>
        <translation>验证：从训练集中留出 %1 张图像（%2%）。</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="91"/>
        <source>Fine-tuning: the run starts from the project&apos;s current weights.</source>
        <translation>微调：本次训练从项目的当前权重开始。</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="133"/>
        <source>Evaluating the trained model…</source>
        <translation>正在评估训练好的模型…</translation>
    </message>
    <message>
        <location filename="../app/training_worker.cpp" line="187"/>
        <source>the model has not been trained yet</source>
        <translation>模型尚未训练</translation>
    </message>
</context>
<context>
    <name>cs::gui::WhyView</name>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="34"/>
        <source>How strongly the heat maps cover the image</source>
        <translation>热力图覆盖图像的强度</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="36"/>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="39"/>
        <source>&lt;b&gt;Why this, not that&lt;/b&gt;: where the model looks for the class it predicts, and for the image&apos;s true class</source>
        <translation>&lt;b&gt;为什么是这个，而不是那个&lt;/b&gt;：模型为预测的类别以及图像的真实类别分别关注了哪里</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="88"/>
        <source>Train the model to see where it looks.</source>
        <translation>训练模型后即可查看它关注的位置。</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="96"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="121"/>
        <source>True class unknown</source>
        <translation>真实类别未知</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="125"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="127"/>
        <source>Predicted: &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>预测：&lt;b&gt;%1&lt;/b&gt;（%2%）</translation>
    </message>
    <message>
        <location filename="../widgets/inspect/why_view.cpp" line="127"/>
        <source>True: &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>真实：&lt;b&gt;%1&lt;/b&gt;（%2%）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="21"/>
        <source>Design, train and inspect CNNs for image recognition.</source>
        <translation>设计、训练和检查用于图像识别的 CNN。</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="25"/>
        <source>Project or model file to open.</source>
        <translation>要打开的项目或模型文件。</translation>
    </message>
</context>
</TS>
